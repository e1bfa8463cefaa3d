/// Why an input is not imported; the description is shown next to the file name.
public enum ArticleRejection: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case notAnArticle(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary file, not text"
        case .notAnArticle(let reason): "not an article (\(reason))"
        case .unreadable(let reason): "cannot be read (\(reason))"
        }
    }
}
