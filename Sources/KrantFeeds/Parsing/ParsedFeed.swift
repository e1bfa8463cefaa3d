/// A whole feed document: the channel's own fields and its items in document order.
public struct ParsedFeed: Sendable {
    public var kind: FeedKind
    public var title: String?
    public var siteURL: String?
    public var items: [FeedItem]
    /// How many errors the document had that were repaired or read past
    /// (a bare `&`, a Latin-1 byte, a tag left open); 0 for a clean feed.
    public var recoveredErrors = 0

    public init(kind: FeedKind, title: String? = nil, siteURL: String? = nil, items: [FeedItem] = []) {
        self.kind = kind
        self.title = title
        self.siteURL = siteURL
        self.items = items
    }
}
