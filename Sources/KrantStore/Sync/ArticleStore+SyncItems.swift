import Foundation
import GRDB
import KrantCore

/// The server's items in the store.
extension ArticleStore {
    /// Stores one page of the server's items in one transaction, so a page
    /// is stored whole or not at all.
    ///
    /// An item already linked to an article is left alone (its state is the
    /// state pass's, `applyServerState`). A new item becomes an article with
    /// the server's read and starred state; when krant already has the
    /// article from fetching the feed itself (same feed, same link), that
    /// article is linked instead, so switching to a server duplicates
    /// nothing. `feedIDs` maps the server's streams to local feeds
    /// (`applySubscriptions`).
    public func storeSyncedItems(_ items: [SyncedItem], accountID: Int64, feedIDs: [String: Int64],
                                 indexing: SearchIndexing = .now,
                                 matching unlinked: UnlinkedArticles = UnlinkedArticles()) throws -> SyncedItemsReport {
        let now = Date()
        let prepared = try items.compactMap { item -> (record: ArticleRecord, itemID: Int64)? in
            guard let feedID = feedIDs[item.streamID] else { return nil }
            return (try ArticleRecord(item.article, identity: "sync:\(accountID):\(item.itemID)", feedID: feedID,
                                      importedAt: now), item.itemID)
        }
        var words: [String?] = Array(repeating: nil, count: prepared.count)
        if indexing == .now {
            let converter = self.converter
            words = prepared.concurrentMap { record, _ in
                guard let html = record.bodyHTML else { return nil }
                return converter.searchableText(record.leadCredit, record.leadText, html)
            }
        }
        return try writeTouchingIndex { db in
            var report = SyncedItemsReport()
            report.skipped = items.count - prepared.count
            try Self.applyingServerState(true, in: db)
            let findItem = try db.cachedStatement(sql: "SELECT 1 FROM \(SyncTables.items) WHERE account_id = ? AND item_id = ?")
            let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(SyncTables.items) (article_id, account_id, item_id) VALUES (?, ?, ?)")
            let findIdentity = try db.cachedStatement(sql: "SELECT id FROM articles WHERE identity = ?")
            var inserted = try SearchBacklog.Inserted(indexing, in: db)
            var tally = ArticleCounts.Tally()
            var feedsWithDeleted: [Int64: Bool] = [:]
            for ((record, itemID), words) in zip(prepared, words) {
                if try Bool.fetchOne(findItem, arguments: [accountID, itemID]) != nil {
                    report.known += 1
                    continue
                }
                let feedID = record.feedID!
                if try feedsWithDeleted[feedID] ?? { () throws -> Bool in
                    let any = try DeletedItems.any(feedID: feedID, in: db)
                    feedsWithDeleted[feedID] = any
                    return any
                }(), try DeletedItems.isDeleted(record.identity, seenAt: now, in: db) {
                    report.skipped += 1
                    continue
                }
                let local = try unlinked.byFeed[feedID] ?? Self.unlinkedArticles(ofFeed: feedID, in: db)
                unlinked.byFeed[feedID] = local
                if let url = record.url, let articleID = local[url] {
                    unlinked.byFeed[feedID]?[url] = nil
                    try link.execute(arguments: [articleID, accountID, itemID])
                    try Self.merge(articleID, itemID: itemID, serverRead: record.isRead, serverStarred: record.isStarred,
                                   accountID: accountID, in: db)
                    report.adopted += 1
                    continue
                }
                guard let id = try record.insertIfNew(db, counting: &tally) else {
                    if let existing = try Int64.fetchOne(findIdentity, arguments: [record.identity]) {
                        try link.execute(arguments: [existing, accountID, itemID])
                    }
                    report.known += 1
                    continue
                }
                try link.execute(arguments: [id, accountID, itemID])
                report.inserted.append(id)
                inserted.add(SearchBacklog.Row(id: id, leadCredit: record.leadCredit, leadText: record.leadText,
                                               html: record.bodyHTML, words: words))
            }
            try tally.apply(in: db)
            try inserted.index(with: converter, in: db)
            try Self.applyingServerState(false, in: db)
            return report
        }
    }

    /// Makes the read and starred state of the account's articles the
    /// server's, in one transaction: `unread` and `starred` are the server's
    /// ids of every unread and every starred item. An article with a change
    /// still waiting to be sent keeps krant's state for that flag. Returns
    /// how many articles changed read state and starred state.
    public func applyServerState(accountID: Int64, unread: [Int64], starred: [Int64]) throws -> (read: Int, starred: Int) {
        let unread = Set(unread), starred = Set(starred)
        return try pool.write { db in
            // Compared here rather than in SQL: a no-op sync of 100,000
            // items reads them once and writes nothing, where loading the
            // server's ids into a table and joining took a quarter second.
            var toRead: [Int64] = [], toUnread: [Int64] = [], toStar: [Int64] = [], toUnstar: [Int64] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT link.item_id, article.id, article.is_read, article.is_starred,
                       EXISTS (SELECT 1 FROM \(SyncTables.marks) AS mark WHERE mark.account_id = link.account_id
                               AND mark.item_id = link.item_id AND mark.flag = 'read') AS read_waits,
                       EXISTS (SELECT 1 FROM \(SyncTables.marks) AS mark WHERE mark.account_id = link.account_id
                               AND mark.item_id = link.item_id AND mark.flag = 'starred') AS star_waits
                FROM \(SyncTables.items) AS link JOIN articles AS article ON article.id = link.article_id
                WHERE link.account_id = ?
                """, arguments: [accountID])
            while let row = try rows.next() {
                let item: Int64 = row[0], id: Int64 = row[1], isRead: Bool = row[2], isStarred: Bool = row[3]
                let read = !unread.contains(item), star = starred.contains(item)
                if read != isRead, !(row[4] as Bool) { read ? toRead.append(id) : toUnread.append(id) }
                if star != isStarred, !(row[5] as Bool) { star ? toStar.append(id) : toUnstar.append(id) }
            }
            guard !(toRead.isEmpty && toUnread.isEmpty && toStar.isEmpty && toUnstar.isEmpty) else { return (0, 0) }
            try Self.applyingServerState(true, in: db)
            for (column, value, ids) in [("is_read", true, toRead), ("is_read", false, toUnread),
                                         ("is_starred", true, toStar), ("is_starred", false, toUnstar)] {
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let list = ids[start..<min(ids.count, start + 500)].map(String.init).joined(separator: ",")
                    try db.execute(sql: "UPDATE articles SET \(column) = ? WHERE id IN (\(list))", arguments: [value])
                }
            }
            try Self.applyingServerState(false, in: db)
            return (toRead.count + toUnread.count, toStar.count + toUnstar.count)
        }
    }

    /// The server's ids of every item krant has from the account.
    public func syncedItemIDs(accountID: Int64) throws -> Set<Int64> {
        try pool.read { db in
            var ids = Set<Int64>()
            let cursor = try Int64.fetchCursor(db, sql: "SELECT item_id FROM \(SyncTables.items) WHERE account_id = ?",
                                               arguments: [accountID])
            while let id = try cursor.next() { ids.insert(id) }
            return ids
        }
    }

    /// The marks waiting for the account's server, with the server's ids.
    public func waitingMarks(accountID: Int64) throws -> [WaitingMark] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT item_id, flag, value FROM \(SyncTables.marks) WHERE account_id = ?",
                             arguments: [accountID]).map { row in
                WaitingMark(itemID: row["item_id"], flag: row["flag"] == "read" ? .read : .starred, value: row["value"])
            }
        }
    }

    /// Forgets marks the server has taken; a mark changed again since it
    /// was read from the queue stays, to be sent next time.
    public func finishMarks(_ marks: [WaitingMark], accountID: Int64) throws {
        try pool.write { db in
            let delete = try db.cachedStatement(sql: """
                DELETE FROM \(SyncTables.marks) WHERE account_id = ? AND item_id = ? AND flag = ? AND value = ?
                """)
            for mark in marks {
                try delete.execute(arguments: [accountID, mark.itemID, mark.flag == .read ? "read" : "starred", mark.value])
            }
        }
    }

    /// Gives an article krant had before the server's item was matched to
    /// it both sides' marks: read where either side read it, starred where
    /// either starred it. What the server lacks is queued to be sent, so
    /// neither the reading done in krant nor on the server is undone.
    private static func merge(_ articleID: Int64, itemID: Int64, serverRead: Bool, serverStarred: Bool,
                              accountID: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT is_read, is_starred FROM articles WHERE id = ?",
                                         arguments: [articleID]) else { return }
        let read = serverRead || row["is_read"], starred = serverStarred || row["is_starred"]
        try db.execute(sql: "UPDATE articles SET is_read = ?, is_starred = ? WHERE id = ?",
                       arguments: [read, starred, articleID])
        for (flag, value, server) in [("read", read, serverRead), ("starred", starred, serverStarred)] where value != server {
            try db.execute(sql: """
                INSERT INTO \(SyncTables.marks) (account_id, item_id, flag, value) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, item_id, flag) DO UPDATE SET value = excluded.value
                """, arguments: [accountID, itemID, flag, value])
        }
    }

    /// Articles of a feed not yet matched to a server item, by link.
    private static func unlinkedArticles(ofFeed feedID: Int64, in db: Database) throws -> [String: Int64] {
        var byURL: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, url FROM articles WHERE feed_id = ? AND url IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM \(SyncTables.items) WHERE article_id = articles.id)
            """, arguments: [feedID])
        while let row = try rows.next() { byURL[row["url"]] = row["id"] }
        return byURL
    }

    static func applyingServerState(_ active: Bool, in db: Database) throws {
        try db.execute(sql: "UPDATE \(SyncTables.applying) SET active = ? WHERE id = 1", arguments: [active])
    }
}
