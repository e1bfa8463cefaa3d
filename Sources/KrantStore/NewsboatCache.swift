import Foundation
import GRDB

/// newsboat's `cache.db`, read (never written) for `krant import-newsboat`.
///
/// It lives in the store layer because it is SQLite: only `KrantStore`
/// links GRDB, and the pipeline (`KrantSync`) stays free of SQL. It knows
/// nothing of krant's own tables; it hands out newsboat's rows as they are,
/// and the pipeline decides what they become.
public struct NewsboatCache: Sendable {
    /// One row of newsboat's `rss_feed`.
    public struct Feed: Sendable, Hashable {
        public var url: String
        public var title: String
    }

    /// One row of newsboat's `rss_item` that newsboat has not deleted.
    public struct Item: Sendable, Hashable {
        public var guid: String
        public var title: String
        public var author: String
        public var link: String
        public var feedURL: String
        /// Seconds since 1970; newsboat stores the time of the fetch for an
        /// item that had no date of its own.
        public var published: Int64
        public var contentHTML: String
        public var isUnread: Bool
        public var enclosureURL: String?
        public var enclosureType: String?
        /// newsboat's flags, letters `a`–`z` and `A`–`Z`; empty when none.
        public var flags: String
        public var base: String

        public init(guid: String, title: String, author: String, link: String, feedURL: String, published: Int64,
                    contentHTML: String, isUnread: Bool, enclosureURL: String?, enclosureType: String?,
                    flags: String, base: String) {
            self.guid = guid
            self.title = title
            self.author = author
            self.link = link
            self.feedURL = feedURL
            self.published = published
            self.contentHTML = contentHTML
            self.isUnread = isUnread
            self.enclosureURL = enclosureURL
            self.enclosureType = enclosureType
            self.flags = flags
            self.base = base
        }
    }

    public let path: String
    private let queue: DatabaseQueue

    /// Opens the cache read-only: the file is newsboat's, and opening it
    /// writable could create it or leave journal files behind.
    public init(path: String) throws(NewsboatCacheError) {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw NewsboatCacheError(path: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw NewsboatCacheError(path: path, reason: "is a folder") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "krant.newsboat-cache"
        // newsboat may be writing a reload: wait for it, as for another krant.
        configuration.busyMode = .timeout(ArticleStore.busyTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let tables = try queue.read { db in
                try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
            guard tables.contains("rss_item"), tables.contains("rss_feed") else {
                throw NewsboatCacheError(path: path, reason: "not a newsboat cache (it has no rss_feed and rss_item tables)")
            }
        } catch let error as NewsboatCacheError {
            throw error
        } catch let error as DatabaseError {
            throw NewsboatCacheError(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw NewsboatCacheError(path: path, reason: "\(error)")
        }
    }

    /// Every feed newsboat has stored.
    public func feeds() throws(NewsboatCacheError) -> [Feed] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT rssurl, title FROM rss_feed").map { row in
                Feed(url: row["rssurl"] ?? "", title: row["title"] ?? "")
            }
        }
    }

    /// Items newsboat has not deleted, feed by feed and oldest stored first,
    /// handed out `batchSize` at a time so a large cache is never in memory
    /// at once. Columns newsboat declares NOT NULL are still read as
    /// optional: a hand-edited cache must not crash the import.
    public func items(batchSize: Int, _ body: ([Item]) -> Void) throws(NewsboatCacheError) {
        try reading { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT guid, title, author, url, feedurl, pubDate, content, unread, enclosure_url, enclosure_type,
                       flags, base
                FROM rss_item WHERE deleted = 0 ORDER BY feedurl, id
                """)
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            while let row = try rows.next() {
                batch.append(Item(guid: row["guid"] ?? "", title: row["title"] ?? "", author: row["author"] ?? "",
                                  link: row["url"] ?? "", feedURL: row["feedurl"] ?? "",
                                  published: row["pubDate"] ?? 0, contentHTML: row["content"] ?? "",
                                  isUnread: (row["unread"] as Int64? ?? 1) != 0,
                                  enclosureURL: row["enclosure_url"], enclosureType: row["enclosure_type"],
                                  flags: row["flags"] ?? "", base: row["base"] ?? ""))
                if batch.count >= batchSize {
                    body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { body(batch) }
        }
    }

    /// How many items newsboat marked deleted (they are not imported).
    public func deletedCount() throws(NewsboatCacheError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM rss_item WHERE deleted != 0") ?? 0 }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(NewsboatCacheError) -> T {
        do {
            return try queue.read(body)
        } catch let error as NewsboatCacheError {
            throw error
        } catch let error as DatabaseError {
            throw NewsboatCacheError(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw NewsboatCacheError(path: path, reason: "\(error)")
        }
    }
}

/// A newsboat cache that cannot be read, in one line naming the file.
public struct NewsboatCacheError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
