/// What `ArticleStore.insert` did with one article, so an import can report
/// "12 new, 3 already present" and name the ids.
public enum InsertOutcome: Hashable, Sendable {
    case inserted(id: Int64)
    /// The identity was already stored; the stored article (and its read and
    /// starred state) was left as it was.
    case alreadyPresent(id: Int64)

    public var id: Int64 {
        switch self {
        case .inserted(let id), .alreadyPresent(let id): id
        }
    }

    public var isInserted: Bool {
        if case .inserted = self { return true }
        return false
    }
}
