/// Why a document could not be read as a feed. The descriptions are short
/// enough for a one-line report per failed feed.
public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    /// Readable, but not RSS, Atom or JSON Feed (an HTML page, an OPML file, ...).
    case notAFeed(String)
    /// Not well-formed: `"line N: message"` from the XML parser, or the JSON error.
    case malformed(String)
    /// Refused before parsing, so a huge download cannot exhaust memory.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .notAFeed(let reason): "not a feed: \(reason)"
        case .malformed(let reason): "malformed feed: \(reason)"
        case .tooLarge(let limit):
            limit >= 1024 * 1024 && limit % (1024 * 1024) == 0
                ? "too large: over \(limit / (1024 * 1024)) MB" : "too large: over \(limit) bytes"
        }
    }
}
