import Foundation
import GRDB

/// A subscribed feed. Articles from a feed point at it, so the feed's URL is
/// stored once and removing a feed removes its articles.
struct FeedRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feeds"

    var id: Int64?
    var url: String
    var title: String?
    var category: String?
    var etag: String?
    var lastModified: String?
    var lastFetchedAt: Date?
    var lastStatus: String?
    var addedAt: Date
    /// The site's home page, as the feed names it.
    var siteURL: String?

    enum CodingKeys: String, CodingKey {
        case id, url, title, category, etag
        case lastModified = "last_modified"
        case lastFetchedAt = "last_fetched_at"
        case lastStatus = "last_status"
        case addedAt = "added_at"
        case siteURL = "site_url"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let url = Column(CodingKeys.url)
        static let title = Column(CodingKeys.title)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The id of the feed with this URL, adding the feed when it is new, so
    /// importing a feed's items works before the feeds command exists.
    static func id(forURL url: String, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, FeedRecord.select(Columns.id).filter(Columns.url == url)) {
            return id
        }
        var feed = FeedRecord(url: url, addedAt: Date())
        try feed.insert(db)
        return feed.id!
    }
}
