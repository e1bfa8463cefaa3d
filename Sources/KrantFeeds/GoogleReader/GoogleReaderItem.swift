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

/// One answer of `stream/items/contents`: the items asked for by id, in
/// the order the server chose. (Ids are paged with a continuation, in
/// `GoogleReaderClient.itemIDs`; contents are asked for by id, so need none.)
public struct GoogleReaderPage: Sendable {
    public var items: [GoogleReaderItem]
}
