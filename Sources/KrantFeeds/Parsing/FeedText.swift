import KrantContent
import KrantCore

/// Conversions between the plain text and the HTML that feeds mix freely.
enum FeedText {
    /// Plain text from a field that may carry markup or HTML entities, such
    /// as an RSS title written `Foo &amp;amp; Bar`. Text without `<` or `&`
    /// skips the HTML parser.
    static func plain(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return text }
        return HTMLArticleConverter.plainText(text)
    }

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Plain text as HTML: blank lines separate paragraphs, single line breaks
    /// stay `<br>` (CRLF is one Character, so it splits like LF).
    static func htmlParagraphs(fromPlainText text: String) -> String {
        var paragraphs: [String] = []
        var lines: [Substring] = []
        func close() {
            if !lines.isEmpty { paragraphs.append("<p>" + lines.map { escapeHTML(String($0)) }.joined(separator: "<br>") + "</p>") }
            lines.removeAll()
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) { close() } else { lines.append(line) }
        }
        close()
        return paragraphs.joined(separator: "\n")
    }
}
