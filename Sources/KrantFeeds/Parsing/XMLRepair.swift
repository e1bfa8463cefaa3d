import CLibxml2
import Foundation
import KrantContent

/// Repairs the mistakes that make a feed ill-formed but leave no doubt about
/// what its author meant, the way browsers and established feed readers read
/// them, so that one slip does not lose a whole feed:
/// - a bare `&` (`Fish & Chips`, `?a=1&b=2`) becomes `&amp;`, and `&#X41;`
///   (HTML's spelling) `&#x41;`;
/// - an HTML entity XML does not define (`&nbsp;`, `&eacute;`) becomes the
///   character reference it stands for; an unknown one is kept as text;
/// - a byte that is not UTF-8, in a document read as UTF-8, is read as
///   windows-1252 (`UTF8Repair`);
/// - control characters go (`ControlCharacterScrubber`).
/// Character data in CDATA sections, comments and processing instructions is
/// left as written (an `&` is plain text there); entities the document
/// declares itself are left for the parser.
enum XMLRepair {
    /// The repaired document and how many errors were repaired; nil when
    /// there was nothing to repair.
    static func repair(_ data: Data) -> (data: Data, repairs: Int)? {
        var repairs = 0
        var document = data
        if let scrubbed = ControlCharacterScrubber.scrub(data) {
            document = scrubbed.data
            repairs += scrubbed.controls
        }
        let repaired = document.withUnsafeBytes { bytes -> (bytes: [UInt8], repairs: Int)? in
            // In UTF-16 and UTF-32 an `&` or `<` byte may be half of any character.
            guard bytes.first != 0, !bytes.starts(with: [0xFE, 0xFF]), !bytes.starts(with: [0xFF, 0xFE]) else {
                return nil
            }
            var pass = Pass(bytes: bytes, readsUTF8: XMLDeclaration.isUTF8(bytes))
            return pass.run()
        }
        if let repaired {
            document = Data(repaired.bytes)
            repairs += repaired.repairs
        }
        return repairs > 0 ? (document, repairs) : nil
    }

    private static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// One scan over the document; `output` is only filled once a repair is needed.
    private struct Pass {
        let bytes: UnsafeRawBufferPointer
        let readsUTF8: Bool
        var output: [UInt8] = []
        var copied = 0
        var repairs = 0
        /// Bytes read as windows-1252 count as one error together: the
        /// document's encoding is wrong once, not once per accent.
        var readAsWindowsLatin1 = false
        var declaredEntities: Set<String> = []

        init(bytes: UnsafeRawBufferPointer, readsUTF8: Bool) {
            self.bytes = bytes
            self.readsUTF8 = readsUTF8
        }

        mutating func run() -> (bytes: [UInt8], repairs: Int)? {
            declaredEntities = Self.entitiesDeclared(in: bytes)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    index = skipVerbatim(from: index)
                } else if byte == UInt8(ascii: "&") {
                    index = repairReference(at: index)
                } else if byte >= 0x80 && readsUTF8 {
                    if let length = UTF8Repair.sequenceLength(bytes, at: index) {
                        index += length
                    } else {
                        replace(index..<index + 1, counted: false) { UTF8Repair.appendWindowsLatin1(byte, to: &$0) }
                        readAsWindowsLatin1 = true
                        index += 1
                    }
                } else {
                    index += 1
                }
            }
            guard repairs > 0 || readAsWindowsLatin1 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return (output, repairs + (readAsWindowsLatin1 ? 1 : 0))
        }

        /// Past a CDATA section, comment or processing instruction that starts
        /// at `index` (whose bytes still get their UTF-8 checked), or one byte on.
        private mutating func skipVerbatim(from index: Int) -> Int {
            let terminator: [UInt8]
            if starts(with: "<![CDATA[", at: index) {
                terminator = Array("]]>".utf8)
            } else if starts(with: "<!--", at: index) {
                terminator = Array("-->".utf8)
            } else if starts(with: "<?", at: index) {
                terminator = Array("?>".utf8)
            } else {
                return index + 1
            }
            var position = index + 2
            while position < bytes.count {
                if bytes[position] == terminator[0], starts(with: terminator, at: position) {
                    return position + terminator.count
                }
                if bytes[position] >= 0x80 && readsUTF8 {
                    if let length = UTF8Repair.sequenceLength(bytes, at: position) {
                        position += length
                        continue
                    }
                    let byte = bytes[position]
                    replace(position..<position + 1, counted: false) { UTF8Repair.appendWindowsLatin1(byte, to: &$0) }
                    readAsWindowsLatin1 = true
                }
                position += 1
            }
            return position
        }

        /// Keeps a well-formed reference, rewrites an HTML entity as its
        /// character reference, and escapes an `&` that starts no reference.
        private mutating func repairReference(at index: Int) -> Int {
            if NumericReference.read(bytes, at: index) != nil {
                // `&#X41;`: HTML allows the capital X, XML does not.
                if bytes[index + 2] == UInt8(ascii: "X") {
                    replace(index + 2..<index + 3) { $0.append(UInt8(ascii: "x")) }
                }
                return index + 1
            }
            var end = index + 1
            while end < bytes.count, end - index <= 32, Self.isNameByte(bytes[end]) { end += 1 }
            if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ";") {
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if predefined.contains(name) || declaredEntities.contains(name) { return end + 1 }
                if let entity = htmlEntityLookup(name), entity.pointee.value > 0 {
                    replace(index..<end + 1) { $0.append(contentsOf: Array("&#\(entity.pointee.value);".utf8)) }
                    return end + 1
                }
            }
            replace(index..<index + 1) { $0.append(contentsOf: Array("&amp;".utf8)) }
            return index + 1
        }

        private mutating func replace(_ range: Range<Int>, counted: Bool = true,
                                      with write: (inout [UInt8]) -> Void) {
            if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
            output.append(contentsOf: bytes[copied..<range.lowerBound])
            write(&output)
            copied = range.upperBound
            if counted { repairs += 1 }
        }

        private func starts(with text: String, at index: Int) -> Bool {
            starts(with: Array(text.utf8), at: index)
        }

        private func starts(with prefix: [UInt8], at index: Int) -> Bool {
            guard index + prefix.count <= bytes.count else { return false }
            for offset in prefix.indices where bytes[index + offset] != prefix[offset] { return false }
            return true
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: ":"):
                true
            default:
                false
            }
        }

        /// Names of general entities declared in the internal DTD subset.
        private static func entitiesDeclared(in bytes: UnsafeRawBufferPointer) -> Set<String> {
            let head = bytes.prefix(65_536)
            guard head.firstRange(of: Array("<!DOCTYPE".utf8)) != nil else { return [] }
            var names: Set<String> = []
            var rest = head[...]
            let marker = Array("<!ENTITY".utf8)
            while let found = rest.firstRange(of: marker) {
                var index = found.upperBound
                while index < rest.endIndex, rest[index] == 0x20 || rest[index] == 0x09 || rest[index] == 0x0A {
                    index += 1
                }
                let start = index
                while index < rest.endIndex, isNameByte(rest[index]) { index += 1 }
                if index > start { names.insert(String(decoding: rest[start..<index], as: UTF8.self)) }
                rest = rest[index...]
            }
            return names
        }
    }
}
