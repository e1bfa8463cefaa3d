/// Turns the bytes of a saved article into text the parser can read, without
/// ever losing the article: a UTF-8 BOM is dropped, CRLF and lone CR become LF,
/// and invalid UTF-8 becomes U+FFFD instead of failing the whole file.
public enum ArticleTextDecoder {
    /// How much of a file is inspected to tell text from binary data.
    static let sniffLength = 8192

    public static func decode(_ bytes: [UInt8]) throws(ArticleRejection) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty
        }
        if looksBinary(body.prefix(sniffLength)) { throw .binary }
        let text = String(decoding: body, as: UTF8.self)
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingLineBreaks()
    }

    /// NUL bytes, or many control bytes or invalid sequences, mean binary data.
    /// A few bad bytes (a mis-saved character) are still text.
    static func looksBinary(_ sample: ArraySlice<UInt8>) -> Bool {
        if sample.contains(0) { return true }
        let controls = sample.count { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x1B }
        let decoded = String(decoding: sample, as: UTF8.self)
        // The sample may cut a character in two at its end: allow one replacement for it.
        let replacements = decoded.unicodeScalars.count { $0 == "\u{FFFD}" }
        let suspicious = controls + max(0, replacements - 1)
        return suspicious * 10 > max(sample.count, 1)
    }
}

extension String {
    /// CRLF and lone CR to LF.
    func replacingLineBreaks() -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
                previousWasCR = false
            }
        }
        return String(scalars)
    }
}
