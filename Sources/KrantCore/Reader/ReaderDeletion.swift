/// An article the reader just deleted, for undo: where it was and whether
/// it was open, so undo puts the reader back as well as the article.
public struct ReaderDeletion: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var wasOpen: Bool
}
