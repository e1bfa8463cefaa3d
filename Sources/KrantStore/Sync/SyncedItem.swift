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
