import Foundation

/// The `file://` URL a feed file is subscribed under, and the path back
/// from it, both by bytes: a file whose name is not UTF-8 gets its invalid
/// bytes percent-encoded (`caf%E9.xml`), so a refresh opens the same file.
enum FeedFileURL {
    /// The URL of the file at `path`, absolute and standardised. A path that
    /// is text gets Foundation's spelling, the one stores already hold.
    static func url(for path: InputPath) -> String {
        if let text = path.string { return URL(fileURLWithPath: text).standardizedFileURL.absoluteString }
        var url = "file://"
        for byte in path.absolute.bytes {
            if Self.unescaped.contains(byte) {
                url.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                url += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return url
    }

    /// The path of a `file://` URL, percent-decoded to bytes; nil for any
    /// other URL.
    static func path(of url: String) -> InputPath? {
        guard url.lowercased().hasPrefix("file://") else { return nil }
        var rest = url.utf8.dropFirst("file://".utf8.count)
        // An authority ("localhost") comes before the path's first slash.
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        rest = rest[slash...]
        var bytes: [UInt8] = []
        var index = rest.startIndex
        while index < rest.endIndex {
            let byte = rest[index]
            if byte == UInt8(ascii: "%"), let high = hexValue(rest, rest.index(after: index)),
               let low = hexValue(rest, rest.index(index, offsetBy: 2, limitedBy: rest.endIndex)) {
                bytes.append(high << 4 | low)
                index = rest.index(index, offsetBy: 3)
            } else {
                bytes.append(byte)
                index = rest.index(after: index)
            }
        }
        return InputPath(bytes: bytes)
    }

    /// Bytes written as they are: unreserved characters and the separator.
    private static let unescaped = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8))

    private static func hexValue(_ bytes: Substring.UTF8View, _ index: Substring.UTF8View.Index?) -> UInt8? {
        guard let index, index < bytes.endIndex else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return bytes[index] - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return bytes[index] - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return bytes[index] - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
