/// Writes blocks as the JSON that `Block`'s Codable conformance reads, by
/// hand: Foundation's JSONEncoder was a tenth of an import's time, and an
/// article body is written once per import but read back one at a time.
public enum BlockJSON {
    public static func encode(_ blocks: [Block]) -> String {
        var out = "["
        out.reserveCapacity(blocks.reduce(2) { $0 + $1.plainText.utf8.count + 32 })
        for (index, block) in blocks.enumerated() {
            if index > 0 { out += "," }
            out += "{\"type\":\"" + block.typeName + "\","
            switch block {
            case .paragraph(let text), .quote(let text), .listItem(let text):
                out += "\"text\":"
                appendString(text, to: &out)
            case .section(let title):
                out += "\"title\":"
                appendString(title, to: &out)
            case .caption(let caption):
                out += "\"credit\":"
                appendString(caption.credit, to: &out)
                out += ",\"text\":"
                appendString(caption.text, to: &out)
            }
            out += "}"
        }
        return out + "]"
    }

    public static func encode(strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            appendString(string, to: &out)
        }
        return out + "]"
    }

    /// A JSON string literal: quotes, backslashes and controls escaped,
    /// everything else (including non-ASCII) as UTF-8. Works on bytes: text
    /// with quotes in it is common, and escaping it scalar by scalar was a
    /// twelfth of an import.
    static func appendString(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        bytes.append(0x22)
        var text = text
        text.withUTF8 { source in
            var start = 0
            for (index, byte) in source.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: source[start..<index])
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = index + 1
            }
            bytes.append(contentsOf: source[start...])
        }
        bytes.append(0x22)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
