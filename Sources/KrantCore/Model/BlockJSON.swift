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
    /// everything else (including non-ASCII) as UTF-8.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}
