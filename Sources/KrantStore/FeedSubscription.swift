import Foundation

/// A subscribed feed as the command line and the reader list it: where it
/// is, what its last fetch said, and how many of its articles are stored
/// and unread.
public struct FeedSubscription: Sendable, Hashable {
    public var id: Int64
    public var url: String
    /// `nil` until the user names the feed or a fetch learns its title.
    public var title: String?
    public var category: String?
    public var siteURL: String?
    public var etag: String?
    public var lastModified: String?
    public var lastFetchedAt: Date?
    /// The last fetch's result in words: "ok, 3 new", "not modified", "HTTP 404".
    public var lastStatus: String?
    public var articleCount: Int
    public var unreadCount: Int

    public init(id: Int64, url: String, title: String? = nil, category: String? = nil, siteURL: String? = nil,
                etag: String? = nil, lastModified: String? = nil, lastFetchedAt: Date? = nil,
                lastStatus: String? = nil, articleCount: Int = 0, unreadCount: Int = 0) {
        self.id = id
        self.url = url
        self.title = title
        self.category = category
        self.siteURL = siteURL
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetchedAt = lastFetchedAt
        self.lastStatus = lastStatus
        self.articleCount = articleCount
        self.unreadCount = unreadCount
    }
}
