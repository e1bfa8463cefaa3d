import Foundation
import KrantCore

/// One item of a `stream/contents` page: the server's ids and state, and
/// the item as a `FeedItem`, so it becomes an article the way every fetched
/// item does (sanitised text, the body kept as HTML).
public struct GoogleReaderItem: Sendable {
    /// The decimal id (`items/ids` form; the long form is its hex).
    public var id: Int64
    /// The stream of the item's feed, e.g. "feed/12".
    public var streamID: String
    /// The feed's title as the item names it.
    public var feedTitle: String?
    public var isRead: Bool
    public var isStarred: Bool
    public var item: FeedItem
}

/// One answer of `stream/items/contents` (or `stream/contents`).
public struct GoogleReaderPage: Sendable {
    public var items: [GoogleReaderItem]
    /// Where the next page of a stream starts; nil on the last page.
    /// FreshRSS also sends one on a full last page, and then answers an
    /// empty page.
    public var continuation: String?
}
