import Foundation
import GRDB
import KrantCore

/// Deleting articles, putting them back, and purging old ones.
///
/// Every delete goes through `deleteRows`: the triggers take each article
/// out of the search index (if it was indexed) and out of `article_counts`,
/// the body goes by cascade, and a deleted feed item is remembered
/// (`DeletedItems`) so the next fetch does not bring it back.
extension ArticleStore {
    /// Deletes the articles in one transaction and returns them as they were,
    /// for `restore`. Ids that do not exist are passed over.
    @discardableResult
    public func delete(_ ids: [Int64]) throws -> DeletedArticles {
        let list = Self.idList(ids)
        guard !list.isEmpty else { return DeletedArticles(articles: [], bodies: []) }
        return try writeTouchingIndex { db in
            let articles = try Row.fetchAll(db, sql: "SELECT * FROM articles WHERE id IN (\(list)) ORDER BY id")
            let bodies = try Row.fetchAll(db, sql: "SELECT * FROM \(ArticleBodies.tableName) WHERE id IN (\(list))")
            try Self.deleteRows(idList: list, in: db)
            return DeletedArticles(articles: articles.map(DeletedArticles.StoredRow.init),
                                   bodies: bodies.map(DeletedArticles.StoredRow.init))
        }
    }

    /// Puts deleted articles back as they were: same ids, states and bodies,
    /// counted and indexed again, and no longer remembered as deleted. An
    /// article whose identity was stored again meanwhile (a file imported
    /// again) stays as it is now. Returns the ids put back.
    @discardableResult
    public func restore(_ deleted: DeletedArticles) throws -> [Int64] {
        try writeTouchingIndex { db in
            var tally = ArticleCounts.Tally()
            var restored: [Int64] = []
            let indexedThrough = try SearchBacklog.indexedThrough(db)
            for row in deleted.articles {
                guard let id = Int64.fromDatabaseValue(row["id"]),
                      let identity = String.fromDatabaseValue(row["identity"]) else { continue }
                try DeletedItems.unremember(identity, in: db)
                let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ? OR identity = ?)",
                                              arguments: [id, identity]) ?? true
                guard !taken else { continue }
                try Self.insert(row, into: "articles", in: db)
                if let body = deleted.bodies.first(where: { Int64.fromDatabaseValue($0["id"]) == id }) {
                    try Self.insert(body, into: ArticleBodies.tableName, in: db)
                }
                tally.add(category: String.fromDatabaseValue(row["category"]),
                          feedID: Int64.fromDatabaseValue(row["feed_id"]),
                          isRead: Bool.fromDatabaseValue(row["is_read"]) ?? false)
                // One the index had passed is indexed now; a later one waits
                // for the index to catch up, like any new article.
                if id <= indexedThrough { try ArticleSearch.index(id: id, in: db) }
                restored.append(id)
            }
            try tally.apply(in: db)
            return restored
        }
    }

    /// Deletes the articles `rule` selects, in one transaction; returns how many.
    public func purge(_ rule: PurgeRule) throws -> Int {
        guard !rule.isEmpty else { return 0 }
        var conditions = ["is_starred = 0"]
        var arguments: StatementArguments = []
        if !rule.includeUnread { conditions.append("is_read = 1") }
        if rule.feedsOnly { conditions.append("feed_id IS NOT NULL") }
        if let feedID = rule.feedID {
            conditions.append("feed_id = ?")
            arguments += [feedID]
        }
        var limits: [String] = []
        if let date = rule.olderThan {
            // The published date where there is one, else when it was stored.
            limits.append("((published_sort != '' AND published_sort < ?) OR (published_sort = '' AND imported_at < ?))")
            arguments += [PublishedDate(utc: date).sortKey, date]
        }
        if let keep = rule.keepPerFeed {
            limits.append("""
                id IN (SELECT id FROM (SELECT id, row_number() OVER (
                    PARTITION BY feed_id ORDER BY published_sort DESC, id DESC) AS rank
                    FROM articles WHERE feed_id IS NOT NULL) WHERE rank > ?)
                """)
            arguments += [max(0, keep)]
        }
        conditions.append("(" + limits.joined(separator: " OR ") + ")")
        let sql = "SELECT id FROM articles WHERE " + conditions.joined(separator: " AND ")
        return try writeTouchingIndex { db in
            let ids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
            for start in stride(from: 0, to: ids.count, by: 500) {
                try Self.deleteRows(idList: Self.idList(Array(ids[start..<min(ids.count, start + 500)])), in: db)
            }
            return ids.count
        }
    }

    /// Remembers the feed items among the articles, then deletes them all.
    private static func deleteRows(idList: String, in db: Database) throws {
        try DeletedItems.remember(idList: idList, at: Date(), in: db)
        try db.execute(sql: "DELETE FROM articles WHERE id IN (\(idList))")
    }

    private static func insert(_ row: DeletedArticles.StoredRow, into table: String, in db: Database) throws {
        let columns = row.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(table) (\(columns)) VALUES (\(databaseQuestionMarks(count: row.values.count)))",
                       arguments: StatementArguments(row.values))
    }

    /// Ids as SQL text (numbers only, so nothing needs quoting), without repeats.
    private static func idList(_ ids: [Int64]) -> String {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }.map(String.init).joined(separator: ",")
    }
}

private extension PublishedDate {
    /// The date's civil time in UTC, to the minute.
    init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day, hour: parts.hour, minute: parts.minute)
    }
}
