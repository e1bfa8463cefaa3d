/// The two forms of a Google Reader item id: decimal ("1796131543948984", from
/// `stream/items/ids`) and long ("tag:google.com,2005:reader/item/" and 16 hex
/// digits, in `stream/contents`).
public enum GoogleReaderID {
    static let longPrefix = "tag:google.com,2005:reader/item/"

    /// The long form of a decimal id.
    public static func long(_ id: Int64) -> String {
        let hex = String(UInt64(bitPattern: id), radix: 16)
        return longPrefix + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// The decimal id of either form; nil for anything else.
    public static func parse(_ text: String) -> Int64? {
        if text.hasPrefix(longPrefix) {
            let hex = text.dropFirst(longPrefix.count)
            guard !hex.isEmpty, hex.count <= 16, let value = UInt64(hex, radix: 16) else { return nil }
            return Int64(bitPattern: value)
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return Int64(text)
    }
}
