import Foundation
import GRDB
import KrantCore

extension ArticleStore {
    /// Stores new articles in one transaction, so a killed import leaves
    /// either all of a batch or none of it.
    ///
    /// An identity that is already stored is left exactly as it is (its read
    /// and starred state are never reset) and reported as `alreadyPresent`;
    /// so is a repeat of an identity earlier in the same batch.
    public func insert(_ articles: [(article: Article, identity: String)],
                       indexing: SearchIndexing = .now) throws -> [InsertOutcome] {
        let importedAt = Date()
        // Rows are prepared before taking the write lock.
        let prepared = try articles.map { article, identity in
            (record: try ArticleRecord(article, identity: identity, feedID: nil, importedAt: importedAt),
             feedURL: article.feedURL)
        }
        return try writeTouchingIndex { db in
            let findIdentity = try db.cachedStatement(sql: "SELECT id FROM articles WHERE identity = ?")
            var feedIDs: [String: Int64] = [:]
            var inserted = try SearchBacklog.Inserted(indexing, in: db)
            var tally = ArticleCounts.Tally()
            var outcomes: [InsertOutcome] = []
            outcomes.reserveCapacity(articles.count)
            for (prepared, feedURL) in prepared {
                var record = prepared
                if let url = feedURL {
                    let id = try feedIDs[url] ?? FeedRecord.id(forURL: url, in: db)
                    feedIDs[url] = id
                    record.feedID = id
                }
                guard let id = try record.insertIfNew(db, counting: &tally) else {
                    let existing = try Int64.fetchOne(findIdentity, arguments: [record.identity])
                    outcomes.append(.alreadyPresent(id: existing ?? 0))
                    continue
                }
                outcomes.append(.inserted(id: id))
                inserted.add(SearchBacklog.Row(id: id, leadCredit: record.leadCredit, leadText: record.leadText,
                                               html: record.bodyHTML))
            }
            try tally.apply(in: db)
            try inserted.index(with: converter, in: db)
            return outcomes
        }
    }

    /// Marks articles read or unread in one transaction and returns the ids
    /// that do not exist, so the command line can name them.
    @discardableResult
    public func setRead(_ ids: [Int64], _ read: Bool) throws -> [Int64] {
        try setFlag(ArticleRecord.Columns.isRead, of: ids, to: read)
    }

    /// Stars or unstars articles; returns the ids that do not exist.
    @discardableResult
    public func setStarred(_ ids: [Int64], _ starred: Bool) throws -> [Int64] {
        try setFlag(ArticleRecord.Columns.isStarred, of: ids, to: starred)
    }

    /// Marks every unread article of the view read; returns how many changed.
    @discardableResult
    public func markAllRead(_ query: HeadlineQuery) throws -> Int {
        let request = HeadlineFilter.request(query).filter(ArticleRecord.Columns.isRead == 0)
        // One statement is atomic on its own. Outside a transaction SQLite
        // needs no statement journal (a copy of every page the update
        // changes, to undo half a statement): in memory that was 16 MB of
        // the reader's peak for a 7,000-article category.
        return try pool.writeWithoutTransaction { db in
            try request.updateAll(db, ArticleRecord.Columns.isRead.set(to: true))
        }
    }

    /// One statement per few hundred ids rather than per id: each statement
    /// that changes rows with a trigger (`article_counts`) keeps a statement
    /// journal, and rows already set are not rewritten.
    private func setFlag(_ column: Column, of ids: [Int64], to value: Bool) throws -> [Int64] {
        var seen = Set<Int64>()
        let unique = ids.filter { seen.insert($0).inserted }
        return try pool.write { db in
            var missing: [Int64] = []
            for start in stride(from: 0, to: unique.count, by: 500) {
                let chunk = Array(unique[start..<min(unique.count, start + 500)])
                let list = chunk.map(String.init).joined(separator: ",")
                let existing = Set(try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE id IN (\(list))"))
                missing += chunk.filter { !existing.contains($0) }
                try db.execute(sql: "UPDATE articles SET \(column.name) = ? WHERE id IN (\(list)) AND \(column.name) != ?",
                               arguments: [value, value])
            }
            return missing
        }
    }
}

private extension Article {
    /// The feed an article came from, when it came from one.
    var feedURL: String? {
        if case .feed(let url, _) = origin { url } else { nil }
    }
}
