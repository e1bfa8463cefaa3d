import KrantCore

/// An item as the server sent it: the server's id, the stream of its feed,
/// its article (body left as HTML, like a fetched feed item), and its state.
public struct SyncedItem: Sendable {
    /// The server's decimal item id.
    public var itemID: Int64
    /// The stream id of the item's feed, e.g. "feed/12".
    public var streamID: String
    /// `isRead` and `isStarred` carry the server's state.
    public var article: Article

    public init(itemID: Int64, streamID: String, article: Article) {
        self.itemID = itemID
        self.streamID = streamID
        self.article = article
    }
}

/// What storing a page of the server's items did.
public struct SyncedItemsReport: Sendable, Equatable {
    /// Ids of the articles added.
    public var inserted: [Int64] = []
    /// Items krant already had from this server.
    public var known = 0
    /// Articles krant had from fetching the feed itself, now matched to
    /// the server's items by their link.
    public var adopted = 0
    /// Items of feeds krant does not subscribe to, or that the user deleted.
    public var skipped = 0

    public init() {}
}
