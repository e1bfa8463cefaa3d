import KrantCore

/// Conversions between the plain text and the HTML that feeds mix freely.
enum FeedText {
    /// `Sanitizer.cleanLine`, skipped when it provably changes nothing: no
    /// control or DEL byte, no lead byte of a C1 control, bidi control, BOM or
    /// non-ASCII space (0xC2, 0xE1, 0xE2, 0xE3, 0xEF), and single inner spaces
    /// only. Its per-scalar Unicode lookups were a fifth of the feed parse time.
    static func cleanLine(_ text: String) -> String {
        let isClean = text.utf8.withContiguousStorageIfAvailable(isAlreadyClean)
            ?? Array(text.utf8).withUnsafeBufferPointer(isAlreadyClean)
        guard isClean else { return Sanitizer.cleanLine(text) }
        assert(Sanitizer.cleanLine(text) == text, "fast path must agree with the Sanitizer")
        return text
    }

    private static func isAlreadyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
                || byte == 0xEF {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }

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
