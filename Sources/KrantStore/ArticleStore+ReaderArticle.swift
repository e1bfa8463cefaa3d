import Foundation
import GRDB
import KrantCore

/// Whole articles and the chooser's feed counts, read without their import
/// dates. GRDB turns a stored date into a
/// `Date` through Foundation's `Calendar`, whose first use maps about 5 MiB
/// of ICU into the reader (measured with `krant-bench --memory-phases`),
/// for values the reader never shows.
extension ArticleStore {
    /// The whole article: blocks, lead caption, state and origin.
    public func article(id: Int64) throws -> Article? {
        try pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT article.*, body.lead_credit, body.lead_text, body.blocks, body.links, body.body_html,
                       body.body_base, body.author, body.enclosures, feeds.url AS feed_url
                FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
                LEFT JOIN feeds ON feeds.id = article.feed_id
                WHERE article.id = ?
                """, arguments: [id])
            guard let row else { return nil }
            let record = ArticleRecord(
                id: row["id"], identity: row["identity"], feedID: row["feed_id"], originPath: row["origin_path"],
                guid: row["guid"], url: row["url"], source: row["source"], category: row["category"],
                title: row["title"], published: row["published"], publishedSort: row["published_sort"],
                whenText: row["when_text"], leadCredit: row["lead_credit"], leadText: row["lead_text"],
                blocks: row["blocks"], links: row["links"], bodyHTML: row["body_html"], bodyBase: row["body_base"],
                author: row["author"], enclosures: row["enclosures"], isRead: row["is_read"], isStarred: row["is_starred"],
                importedAt: Date(timeIntervalSince1970: 0))
            return try record.article(feedURL: row["feed_url"])
        }
    }

    /// Every feed with its counts, ordered as `feeds()` orders them.
    public func feedCounts() throws -> [FeedCount] {
        let counts = try pool.read { db in
            let perFeed = try ArticleCounts.feeds(in: db)
            return try Row.fetchAll(db, sql: "SELECT id, COALESCE(title, url) AS name FROM feeds").map { row in
                let id: Int64 = row["id"]
                let counts = perFeed[id] ?? (0, 0)
                return FeedCount(id: id, title: row["name"], total: counts.total, unread: counts.unread)
            }
        }
        return counts.sorted { lhs, rhs in
            let (left, right) = (lhs.title.lowercased(), rhs.title.lowercased())
            return left != right ? left < right : lhs.id < rhs.id
        }
    }
}
