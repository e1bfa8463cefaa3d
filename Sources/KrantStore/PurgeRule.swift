import Foundation

/// Which articles a purge (`krant purge`) or the retention of the config
/// file removes. Starred articles are never removed; unread ones only when
/// `includeUnread` says so.
public struct PurgeRule: Sendable, Hashable {
    /// Articles published before this (or, undated, stored before it).
    public var olderThan: Date?
    /// Keeps only the newest this many articles of each feed.
    public var keepPerFeed: Int?
    /// Only this feed's articles.
    public var feedID: Int64?
    public var includeUnread: Bool
    /// Only articles that came from a feed: retention bounds what fetches
    /// bring, never the articles a user saved and imported.
    public var feedsOnly: Bool

    public init(olderThan: Date? = nil, keepPerFeed: Int? = nil, feedID: Int64? = nil, includeUnread: Bool = false,
                feedsOnly: Bool = false) {
        self.olderThan = olderThan
        self.keepPerFeed = keepPerFeed
        self.feedID = feedID
        self.includeUnread = includeUnread
        self.feedsOnly = feedsOnly
    }

    /// Whether the rule can remove anything at all.
    public var isEmpty: Bool { olderThan == nil && keepPerFeed == nil }
}
