/// Which headlines a list shows. It lives in the core, not the store, so the
/// reader's pure state can hold the current view and ask the store for pages
/// of it without knowing about SQLite.
public struct HeadlineQuery: Hashable, Sendable {
    public var unreadOnly: Bool
    public var starredOnly: Bool
    /// A news section (Binnenland, Sport, ...); `nil` means every category.
    public var category: String?
    /// Words the user typed; every word must match (as a prefix) in the title
    /// or body. `nil`, empty or punctuation-only text does not filter.
    public var search: String?
    /// One subscribed feed's articles; `nil` means every source.
    public var feedID: Int64?
    /// The articles of the feeds with this address or title (a saved
    /// query's `feed`, which names a feed as its user knows it).
    public var feedName: String?
    /// Only articles published at most this many seconds ago (a saved
    /// query's `max_age`); an article without a date is never that recent.
    /// Seconds, not a date, so the query stays the same value while the
    /// clock moves: the store measures from its own now.
    public var maxAgeSeconds: Int?

    public init(unreadOnly: Bool = false, starredOnly: Bool = false, category: String? = nil,
                search: String? = nil, feedID: Int64? = nil, feedName: String? = nil, maxAgeSeconds: Int? = nil) {
        self.unreadOnly = unreadOnly
        self.starredOnly = starredOnly
        self.category = category
        self.search = search
        self.feedID = feedID
        self.feedName = feedName
        self.maxAgeSeconds = maxAgeSeconds
    }

    public static let all = HeadlineQuery()
}
