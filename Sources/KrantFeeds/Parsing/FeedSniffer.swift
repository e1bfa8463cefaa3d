import Foundation

/// Guesses a document's syntax from its first bytes, so that an HTML page or
/// a JSON API answer is reported as "not a feed" rather than as broken XML.
enum FeedSniffer {
    enum Syntax { case empty, xml, json, html, unknown }

    /// How far to look past comments and the prolog for the first tag.
    private static let window = 4096

    static func sniff(_ data: Data) -> Syntax {
        let head = data.prefix(window)
        var bytes = Array(head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // UTF-16 and UTF-32 documents are XML only; libxml2 reads their BOM.
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 { return .xml }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return .empty }
        switch bytes[first] {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"):
            return firstTagIsHTML(bytes[first...]) ? .html : .xml
        default: return .unknown
        }
    }

    /// Skips the XML declaration, comments and processing instructions, then
    /// looks at the doctype or first element name.
    private static func firstTagIsHTML(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
                let terminator = rest.hasPrefix("<?") ? "?>" : "-->"
                guard let end = rest.range(of: terminator) else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            // An XHTML doctype before an `rss` root (a template's) says nothing:
            // the first element does.
            if rest.hasPrefix("<!doctype") {
                guard let end = rest.firstIndex(of: ">") else { return false }
                let isHTML = rest.hasPrefix("<!doctype html>") || rest.hasPrefix("<!doctype html ")
                rest = rest[rest.index(after: end)...]
                if isHTML, !rest.contains("<rss"), !rest.contains("<feed"), !rest.contains("rdf") { return true }
                continue
            }
            return rest.hasPrefix("<html")
        }
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
