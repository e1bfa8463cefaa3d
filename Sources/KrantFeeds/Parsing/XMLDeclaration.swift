import Foundation

/// The encoding a document's XML declaration names, and the one repair of
/// it that needs no parser: a declared single-byte encoding over bytes that
/// are valid UTF-8 is a lie (the feed was written as UTF-8 by a template
/// that says otherwise), and believing it turns `€` into `â‚¬`.
enum XMLDeclaration {
    /// Encodings whose bytes 0x80–0xFF are each a character, so that UTF-8
    /// read as one of them becomes two or three wrong characters.
    private static let singleByteNames: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252",
        "x-cp1252", "us-ascii", "ascii",
    ]

    /// The declared encoding's name and where its bytes are, or nil when the
    /// document has no declaration or it names none.
    static func encoding(in bytes: UnsafeRawBufferPointer) -> (name: String, range: Range<Int>)? {
        let head = bytes.prefix(256)
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard head.dropFirst(start).starts(with: Array("<?xml".utf8)),
              let end = head.firstRange(of: Array("?>".utf8))?.lowerBound else { return nil }
        let declaration = head[start..<end]
        guard let key = declaration.firstRange(of: Array("encoding".utf8)) else { return nil }
        var index = key.upperBound
        while index < end, head[index] == 0x20 || head[index] == 0x09 || head[index] == 0x0A || head[index] == 0x0D {
            index += 1
        }
        guard index < end, head[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < end, head[index] == 0x20 || head[index] == 0x09 { index += 1 }
        guard index < end, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else { return nil }
        let quote = head[index]
        let nameStart = index + 1
        guard let nameEnd = head[nameStart..<end].firstIndex(of: quote) else { return nil }
        return (String(decoding: head[nameStart..<nameEnd], as: UTF8.self).lowercased(), nameStart..<nameEnd)
    }

    /// True when the document is read as UTF-8: it says so, or says nothing
    /// and has no UTF-16 or UTF-32 byte-order mark or zero bytes up front.
    static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 { return false }
        guard let declared = encoding(in: bytes) else { return true }
        return declared.name == "utf-8" || declared.name == "utf8"
    }

    /// The document declared UTF-8 instead, when it declares a single-byte
    /// encoding but its bytes are valid UTF-8 with at least one character
    /// outside ASCII; nil otherwise.
    static func preferringUTF8(_ bytes: UnsafeRawBufferPointer) -> Data? {
        guard let declared = encoding(in: bytes), singleByteNames.contains(declared.name),
              bytes.contains(where: { $0 >= 0x80 }), UTF8Repair.isValid(bytes) else { return nil }
        var output = Data(capacity: bytes.count)
        output.append(contentsOf: bytes[..<declared.range.lowerBound])
        output.append(contentsOf: Array("UTF-8".utf8))
        output.append(contentsOf: bytes[declared.range.upperBound...])
        return output
    }
}
