/// A news section with its article counts, as the category chooser lists it.
public struct CategoryCount: Hashable, Sendable {
    public var name: String
    public var total: Int
    public var unread: Int

    public init(name: String, total: Int, unread: Int) {
        self.name = name
        self.total = total
        self.unread = unread
    }
}
