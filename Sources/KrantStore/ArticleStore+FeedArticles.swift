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
    public func upsertFeedArticles(_ articles: [Article], feedID: Int64,
                                   indexing: SearchIndexing = .now) throws -> FeedUpsertReport {
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
        return try pool.write { db in
            guard try FeedRecord.exists(db, key: feedID) else { throw StoreError.noSuchFeed("\(feedID)") }
            let findIdentity = try db.cachedStatement(sql: ArticleRecord.selectWhole + " WHERE article.identity = ?")
            // Only a write that indexes at once needs to know (see `SearchIndexing.now`).
            let backlogBefore = try indexing == .now && !SearchBacklog.isEmpty(db)
            var report = FeedUpsertReport()
            var tally = ArticleCounts.Tally()
            for prepared in prepared {
                var record = prepared
                if let id = try record.insertIfNew(db, counting: &tally) {
                    report.inserted.append(id)
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
            if indexing == .now && !backlogBefore { try SearchBacklog.catchUp(limit: nil, in: db) }
            return report
        }
    }
}
