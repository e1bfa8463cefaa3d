import Foundation
import GRDB
import KrantCore

/// Subscriptions: adding, listing, finding and removing feeds, and what each
/// fetch learned about them.
extension ArticleStore {
    /// Subscribes to `url` (surrounding whitespace ignored).
    ///
    /// A URL already subscribed throws `StoreError.alreadySubscribed` rather
    /// than returning the old subscription: `krant feeds add` should say so,
    /// not silently keep an old title and category the user meant to change.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, category: String? = nil) throws -> FeedSubscription {
        try pool.write { db in try Self.insertFeed(url: url, title: title, category: category, in: db) }
    }

    /// `addFeed` inside a transaction of the caller's.
    static func insertFeed(url: String, title: String?, category: String?, in db: Database) throws -> FeedSubscription {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if try FeedRecord.filter(FeedRecord.Columns.url == url).fetchCount(db) > 0 {
            throw StoreError.alreadySubscribed(url: url)
        }
        var feed = FeedRecord(url: url, title: nonEmpty(title), category: nonEmpty(category), addedAt: Date())
        try feed.insert(db)
        return FeedSubscription(feed)
    }

    /// Every feed with its counts, by title (case-insensitive; a feed without
    /// a title sorts by its URL).
    public func feeds() throws -> [FeedSubscription] {
        let feeds = try pool.read { db in try Self.subscriptions(db) }
        return feeds.sorted { lhs, rhs in
            let (left, right) = (lhs.sortName, rhs.sortName)
            return left != right ? left < right : lhs.id < rhs.id
        }
    }

    /// The feed a user named on the command line: by id when the text is a
    /// number that is a feed's id, else by exact URL.
    public func feed(matching text: String) throws -> FeedSubscription? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return try pool.read { db in
            if let id = Int64(text), let feed = try Self.subscriptions(db, where: "feeds.id = ?", [id]).first {
                return feed
            }
            return try Self.subscriptions(db, where: "feeds.url = ?", [text]).first
        }
    }

    /// Unsubscribes. The feed's articles go with it (and out of search), unless
    /// `keepArticles`: then they stay, with their read and starred state, as
    /// articles of no feed.
    ///
    /// Kept articles are not matched to the feed again if it is re-added; its
    /// next fetch stores its current items anew.
    public func removeFeed(id: Int64, keepArticles: Bool = false) throws {
        try writeTouchingIndex { db in
            guard try FeedRecord.exists(db, key: id) else { throw StoreError.noSuchFeed("\(id)") }
            try Self.queueUnsubscribe(feedID: id, in: db)
            if keepArticles {
                try db.execute(sql: "UPDATE articles SET feed_id = NULL WHERE feed_id = ?", arguments: [id])
            }
            // Articles still pointing at the feed go by ON DELETE CASCADE, and
            // their search rows by the articles_search_delete trigger.
            _ = try FeedRecord.deleteOne(db, key: id)
        }
    }

    /// Records the result of fetching a feed.
    ///
    /// - `status`: the result in words ("ok, 3 new", "not modified", "HTTP 404").
    /// - `etag`, `lastModified`: the validators for the next conditional GET.
    ///   `nil` keeps the stored one, since a 304 or a failure says nothing new
    ///   about them (a stale one only costs a full fetch); `""` clears it.
    /// - `newURL`: where a permanent redirect moved the feed. Ignored when
    ///   another subscription already has that URL, rather than failing the
    ///   fetch: both keep working, and `feeds list` shows the two.
    /// - `title`: the feed's own title, stored only when the feed has none,
    ///   so a title the user gave is never overwritten.
    /// - `siteURL`: the site's home page, replaced whenever the feed names one.
    public func recordFetch(feedID: Int64, status: String, etag: String? = nil, lastModified: String? = nil,
                            newURL: String? = nil, title: String? = nil, siteURL: String? = nil,
                            at date: Date = Date()) throws {
        try pool.write { db in
            guard var feed = try FeedRecord.fetchOne(db, key: feedID) else {
                throw StoreError.noSuchFeed("\(feedID)")
            }
            let before = feed
            feed.lastStatus = status
            feed.lastFetchedAt = date
            if let etag { feed.etag = Self.nonEmpty(etag) }
            if let lastModified { feed.lastModified = Self.nonEmpty(lastModified) }
            if feed.title == nil, let title = Self.nonEmpty(title) { feed.title = title }
            if let siteURL = Self.nonEmpty(siteURL) { feed.siteURL = siteURL }
            if let newURL = Self.nonEmpty(newURL), newURL != feed.url,
               try FeedRecord.filter(FeedRecord.Columns.url == newURL).fetchCount(db) == 0 {
                feed.url = newURL
            }
            try feed.updateChanges(db, from: before)
        }
    }

    /// Feeds with their article counts, from `article_counts`.
    private static func subscriptions(_ db: Database, where condition: String? = nil,
                                      _ arguments: StatementArguments = []) throws -> [FeedSubscription] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT feeds.*, coalesce(counts.total, 0) AS article_count, coalesce(counts.unread, 0) AS unread_count
            FROM feeds LEFT JOIN (
                SELECT feed_id, sum(total) AS total, sum(unread) AS unread
                FROM \(ArticleCounts.tableName) GROUP BY feed_id) AS counts ON counts.feed_id = feeds.id
            \(condition.map { "WHERE " + $0 } ?? "")
            """, arguments: arguments)
        return try rows.map { row in
            FeedSubscription(try FeedRecord(row: row), articleCount: row["article_count"],
                             unreadCount: row["unread_count"])
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}

extension FeedSubscription {
    init(_ feed: FeedRecord, articleCount: Int = 0, unreadCount: Int = 0) {
        self.init(id: feed.id!, url: feed.url, title: feed.title, category: feed.category, siteURL: feed.siteURL,
                  etag: feed.etag, lastModified: feed.lastModified, lastFetchedAt: feed.lastFetchedAt,
                  lastStatus: feed.lastStatus, articleCount: articleCount, unreadCount: unreadCount)
    }

    /// Sorted here rather than in SQL: SQLite's binary collation would put
    /// "nos" after "Tweakers".
    fileprivate var sortName: String { (title ?? url).lowercased() }
}
