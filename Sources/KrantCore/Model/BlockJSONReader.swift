/// Reads back the JSON `BlockJSON` writes, on bytes. Foundation's
/// JSONDecoder took about 40 ms for the blocks of a 3.7 MB article, twice
/// what opening it may take; this reads them in a few. It reads exactly what
/// `BlockJSON` writes (no spaces, keys in its order) and gives up (nil) on
/// anything else, so a body written another way is left to JSONDecoder.
public struct BlockJSONReader {
    private let json: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ json: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        self.json = json
        self.bytes = bytes
    }

    /// The blocks of `BlockJSON.encode(_:)`'s output, or nil.
    public static func blocks(_ json: String) -> [Block]? {
        read(json) { reader in reader.array { reader in reader.block() } }
    }

    /// The strings of `BlockJSON.encode(strings:)`'s output, or nil.
    public static func strings(_ json: String) -> [String]? {
        read(json) { reader in reader.array { reader in reader.string() } }
    }

    /// Runs `body` on a reader over the JSON's bytes, which slices are cut
    /// from; nil when the bytes cannot be had in one piece.
    private static func read<Result>(_ json: String, _ body: (inout BlockJSONReader) -> Result?) -> Result? {
        var json = json
        json.makeContiguousUTF8()
        let contiguous = json
        return contiguous.utf8.withContiguousStorageIfAvailable { bytes in
            var reader = BlockJSONReader(contiguous, bytes)
            return body(&reader)
        } ?? nil
    }

    /// `[element,element…]` filling the whole input.
    private mutating func array<Element>(_ element: (inout BlockJSONReader) -> Element?) -> [Element]? {
        guard skip("[") else { return nil }
        var elements: [Element] = []
        if !skip("]") {
            repeat {
                guard let next = element(&self) else { return nil }
                elements.append(next)
            } while skip(",")
            guard skip("]") else { return nil }
        }
        return index == bytes.count ? elements : nil
    }

    private mutating func block() -> Block? {
        guard skip(#"{"type":"#), let type = string(), skip(",") else { return nil }
        let block: Block
        switch type {
        case "paragraph", "quote", "list_item":
            guard skip(#""text":"#), let text = string() else { return nil }
            block = type == "paragraph" ? .paragraph(text) : type == "quote" ? .quote(text) : .listItem(text)
        case "section":
            guard skip(#""title":"#), let title = string() else { return nil }
            block = .section(title)
        case "caption":
            guard skip(#""credit":"#), let credit = string(), skip(#","text":"#), let text = string() else { return nil }
            block = .caption(Caption(credit: credit, text: text))
        default:
            return nil
        }
        return skip("}") ? block : nil
    }

    /// Moves past `literal` when the input continues with it.
    private mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A string literal. One without escapes is copied out of the JSON as a
    /// slice, which skips checking its UTF-8 again (the JSON is a `String`,
    /// so valid): that check was half the time of reading a long article.
    private mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        index += 1
        var start = index
        var decoded: [UInt8]?
        while true {
            skipPlainBytes()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                guard var decoded else { return slice(start..<(index - 1)) }
                decoded.append(contentsOf: bytes[start..<(index - 1)])
                return String(decoding: decoded, as: UTF8.self)
            }
            // A control character, which JSON escapes, or a backslash.
            guard byte == 0x5C else { return nil }
            var escaped = decoded ?? []
            escaped.append(contentsOf: bytes[start..<index])
            guard index + 1 < bytes.count, unescape(at: index + 1, into: &escaped) else { return nil }
            decoded = escaped
            start = index
        }
    }

    /// Moves to the next quote, backslash or control character (or the end),
    /// eight bytes at a time.
    private mutating func skipPlainBytes() {
        while index &+ 8 <= bytes.count {
            let chunk = EightBytes(bytes, at: index)
            let stops = chunk.matching(0x22) | chunk.matching(0x5C) | chunk.below(0x20)
            if stops != 0 {
                index &+= EightBytes.firstMarked(stops)
                return
            }
            index &+= 8
        }
        while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index &+= 1 }
    }

    /// The text of a byte range of the JSON that starts and ends between scalars.
    private func slice(_ range: Range<Int>) -> String {
        let utf8 = json.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(json.unicodeScalars[start..<end])
    }

    /// Decodes the escape whose letter is at `letter` and moves past it.
    private mutating func unescape(at letter: Int, into out: inout [UInt8]) -> Bool {
        switch bytes[letter] {
        case 0x22, 0x5C, 0x2F: out.append(bytes[letter])
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            guard var value = hex(at: letter + 1) else { return false }
            index = letter + 5
            if (0xD800..<0xDC00).contains(value) {
                // A surrogate pair: the low half must follow as another \u escape.
                guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75,
                      let low = hex(at: index + 2), (0xDC00..<0xE000).contains(low) else { return false }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                index += 6
            }
            guard let scalar = Unicode.Scalar(value) else { return false }
            UTF8.encode(scalar) { out.append($0) }
            return true
        default:
            return false
        }
        index = letter + 1
        return true
    }

    /// Four hex digits at `position`.
    private func hex(at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[position..<(position + 4)] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
