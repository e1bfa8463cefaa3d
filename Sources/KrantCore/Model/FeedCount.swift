/// A subscribed feed with its article counts, as the chooser lists it.
public struct FeedCount: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var total: Int
    public var unread: Int

    public init(id: Int64, title: String, total: Int, unread: Int) {
        self.id = id
        self.title = title
        self.total = total
        self.unread = unread
    }
}
