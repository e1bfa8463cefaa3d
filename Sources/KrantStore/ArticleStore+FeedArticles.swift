import Foundation
import GRDB
import KrantCore

extension ArticleStore {
    /// Stores one fetch of a feed's items in one transaction, so a killed
    /// fetch leaves the feed as it was before or after, never half-updated.
    ///
    /// Each item is recognised by `ArticleIdentity.forFeedItem` (its guid from
    /// `origin: .feed(url:guid:)`, else its `url`, else a hash of its text).
    /// A new item is inserted; a known one whose content changed (a corrected
    /// title, an updated body, new links) is rewritten in place, search index
    /// included, keeping its id and its read and starred state; a known,
    /// unchanged one is not written at all, so refetching a feed is cheap.
    /// The feed URL in the items' origins is ignored: `feedID` says which
    /// feed they belong to.
    ///
    /// `keepingStored` leaves every known item exactly as it is (counted as
    /// unchanged): an import from another reader adds what krant lacks but
    /// never undoes what krant did since, content or marks.
    public func upsertFeedArticles(_ articles: [Article], feedID: Int64,
                                   indexing: SearchIndexing = .now,
                                   keepingStored: Bool = false) throws -> FeedUpsertReport {
        let now = Date()
        // Rows and identities are prepared before taking the write lock:
        // another import can store its feed meanwhile.
        let prepared = try articles.map { article -> ArticleRecord in
            var guid = ""
            if case .feed(_, let itemGUID) = article.origin { guid = itemGUID }
            let identity = ArticleIdentity.forFeedItem(feedID: feedID, guid: guid, link: article.url,
                                                       title: article.title, body: article.searchableBody)
            return try ArticleRecord(article, identity: identity, feedID: feedID, importedAt: now)
        }
        // Search words of the items that will be new, laid out before the
        // write lock is taken (most items of a fetch are already stored).
        var words: [String?] = Array(repeating: nil, count: prepared.count)
        if indexing == .now {
            let stored = try storedIdentities(prepared.map(\.identity))
            let converter = self.converter
            words = prepared.concurrentMap { record in
                guard !stored.contains(record.identity), let html = record.bodyHTML else { return nil }
                return converter.searchableText(record.leadCredit, record.leadText, html)
            }
        }
        return try writeTouchingIndex { db in
            guard try FeedRecord.exists(db, key: feedID) else { throw StoreError.noSuchFeed("\(feedID)") }
            let findIdentity = try db.cachedStatement(sql: ArticleRecord.selectWhole + " WHERE article.identity = ?")
            var inserted = try SearchBacklog.Inserted(indexing, in: db)
            var report = FeedUpsertReport()
            var tally = ArticleCounts.Tally()
            let feedHasDeletedItems = try DeletedItems.any(feedID: feedID, in: db)
            var formerlySynced = try Self.formerlySyncedArticles(ofFeed: feedID, in: db)
            for (prepared, words) in zip(prepared, words) {
                var record = prepared
                // An article a removed sync account brought is this item:
                // it takes the item's identity, keeping its marks.
                if let url = record.url, let id = formerlySynced.removeValue(forKey: url) {
                    try db.execute(sql: "UPDATE articles SET identity = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE identity = ?)",
                                   arguments: [record.identity, id, record.identity])
                }
                // An item the user deleted stays deleted while the feed lists it.
                if feedHasDeletedItems, try DeletedItems.isDeleted(record.identity, seenAt: now, in: db) {
                    report.deleted += 1
                    continue
                }
                if let id = try record.insertIfNew(db, counting: &tally) {
                    report.inserted.append(id)
                    if record.isRead { report.insertedRead += 1 }
                    if record.isStarred { report.insertedStarred += 1 }
                    inserted.add(SearchBacklog.Row(id: id, leadCredit: record.leadCredit, leadText: record.leadText,
                                                   html: record.bodyHTML, words: words))
                    continue
                }
                if keepingStored {
                    report.unchanged += 1
                    continue
                }
                guard let stored = try ArticleRecord.fetchOne(findIdentity, arguments: [record.identity]) else { continue }
                // What the reader did with the article, and when it first
                // arrived, are not the feed's to change.
                record.id = stored.id
                record.isRead = stored.isRead
                record.isStarred = stored.isStarred
                record.importedAt = stored.importedAt
                record.originPath = stored.originPath
                if record == stored {
                    report.unchanged += 1
                    continue
                }
                // An article still waiting for the index is indexed with its
                // new text when the index catches up.
                let indexed = try SearchBacklog.isIndexed(record.id!, in: db)
                if indexed { try ArticleSearch.unindex(id: record.id!, in: db) }
                try record.update(db)
                if indexed { try ArticleSearch.index(id: record.id!, in: db) }
                report.updated += 1
            }
            try tally.apply(in: db)
            try inserted.index(with: converter, in: db)
            return report
        }
    }

    /// Forgets the deleted items of a feed that its complete fetch, begun at
    /// `date`, no longer listed; returns how many.
    @discardableResult
    public func forgetDeletedItems(feedID: Int64, notSeenSince date: Date) throws -> Int {
        try pool.write { db in try DeletedItems.forget(feedID: feedID, notSeenSince: date, in: db) }
    }

    /// Articles of a feed that a removed sync account left behind
    /// (`krant sync remove` keeps the feeds), by link, so that fetching the
    /// feed itself does not store them again. One index probe when there are
    /// none, which is every store that never removed an account.
    private static func formerlySyncedArticles(ofFeed feedID: Int64, in db: Database) throws -> [String: Int64] {
        let (low, high) = (releasedIdentityPrefix, releasedIdentityPrefix.dropLast() + ";")
        let any = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE identity >= ? AND identity < ?)",
                                    arguments: [low, String(high)]) ?? false
        guard any else { return [:] }
        var byURL: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, url FROM articles WHERE feed_id = ? AND url IS NOT NULL AND identity >= ? AND identity < ?
            """, arguments: [feedID, low, String(high)])
        while let row = try rows.next() { byURL[row["url"]] = row["id"] }
        return byURL
    }

    /// Which of `identities` are stored, a few hundred per query.
    private func storedIdentities(_ identities: [String]) throws -> Set<String> {
        try pool.read { db in
            var stored = Set<String>()
            for start in stride(from: 0, to: identities.count, by: 500) {
                let chunk = Array(identities[start..<min(identities.count, start + 500)])
                let marks = databaseQuestionMarks(count: chunk.count)
                stored.formUnion(try String.fetchAll(db, sql: "SELECT identity FROM articles WHERE identity IN (\(marks))",
                                                     arguments: StatementArguments(chunk)))
            }
            return stored
        }
    }
}
