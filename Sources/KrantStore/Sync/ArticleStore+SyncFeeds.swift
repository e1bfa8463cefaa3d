import Foundation
import GRDB
import KrantCore

/// Subscriptions of sync accounts: the server's list applied to the store,
/// and changes made in krant queued for the server.
extension ArticleStore {
    /// The account a feed belongs to, with the server's stream id for it
    /// (nil while its subscription waits to be sent); nil for a feed krant
    /// fetches itself.
    public func syncLink(feedID: Int64) throws -> (account: SyncAccount, streamID: String?)? {
        let link = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT account_id, stream_id FROM \(SyncTables.feeds) WHERE feed_id = ?",
                             arguments: [feedID])
        }
        guard let link else { return nil }
        let accountID: Int64 = link["account_id"]
        guard let account = try accounts().first(where: { $0.id == accountID }) else { return nil }
        return (account, link["stream_id"])
    }

    /// The name of the sync account of each feed that has one.
    public func syncAccountNames() throws -> [Int64: String] {
        try pool.read { db in
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT link.feed_id, account.name FROM \(SyncTables.feeds) AS link
                JOIN \(SyncTables.accounts) AS account ON account.id = link.account_id
                """) {
                names[row["feed_id"]] = row["name"]
            }
            return names
        }
    }

    /// The feeds the server keeps (those with a stream id): `krant fetch`
    /// leaves them to `krant sync`, so their items are not stored twice.
    public func syncedFeedIDs() throws -> Set<Int64> {
        try pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT feed_id FROM \(SyncTables.feeds) WHERE stream_id IS NOT NULL"))
        }
    }

    /// Subscribes in krant and queues the subscription for the account's
    /// server, in one transaction.
    @discardableResult
    public func addFeed(url: String, title: String?, category: String?, account: SyncAccount) throws -> FeedSubscription {
        let feed = try addFeed(url: url, title: title, category: category)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO \(SyncTables.feeds) (feed_id, account_id, stream_id) VALUES (?, ?, NULL)",
                           arguments: [feed.id, account.id])
            try Self.queue(.subscribe, accountID: account.id, feedID: feed.id, url: feed.url, in: db)
        }
        return feed
    }

    /// Renames a feed; a feed of a sync account has the rename queued for its server.
    public func renameFeed(id: Int64, title: String?) throws {
        let title = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        let newTitle = (title?.isEmpty ?? true) ? nil : title
        try pool.write { db in
            guard try FeedRecord.exists(db, key: id) else { throw StoreError.noSuchFeed("\(id)") }
            try db.execute(sql: "UPDATE feeds SET title = ? WHERE id = ?", arguments: [newTitle, id])
            try db.execute(sql: "UPDATE articles SET source = ? WHERE feed_id = ? AND source IS NOT ?",
                           arguments: [newTitle, id, newTitle])
            if let (accountID, stream) = try Self.link(feedID: id, in: db), let stream {
                try Self.queue(.rename, accountID: accountID, feedID: id, streamID: stream, title: newTitle, in: db)
            }
        }
    }

    /// Moves a feed and its articles to another category (nil: none); a feed
    /// of a sync account has the move queued for its server.
    public func moveFeed(id: Int64, category: String?) throws {
        let trimmed = category?.trimmingCharacters(in: .whitespacesAndNewlines)
        let category = (trimmed?.isEmpty ?? true) ? nil : trimmed
        try pool.write { db in
            guard let feed = try FeedRecord.fetchOne(db, key: id) else { throw StoreError.noSuchFeed("\(id)") }
            try Self.setCategory(category, ofFeed: id, in: db)
            if let (accountID, stream) = try Self.link(feedID: id, in: db), let stream, feed.category != category {
                try Self.queue(.move, accountID: accountID, feedID: id, streamID: stream, oldCategory: feed.category,
                               category: category, in: db)
            }
        }
    }

    /// The changes waiting for the account's server, oldest first. A
    /// subscription carries the feed's title and category as they are now.
    public func feedChanges(accountID: Int64) throws -> [FeedChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT change.*, feed.title AS feed_title, feed.category AS feed_category
                FROM \(SyncTables.feedChanges) AS change LEFT JOIN feeds AS feed ON feed.id = change.feed_id
                WHERE change.account_id = ? ORDER BY change.id
                """, arguments: [accountID]).compactMap { row in
                guard let kind = FeedChange.Kind(rawValue: row["kind"]) else { return nil }
                let subscribe = kind == .subscribe
                return FeedChange(id: row["id"], accountID: accountID, kind: kind, feedID: row["feed_id"],
                                  streamID: row["stream_id"], url: row["url"],
                                  title: subscribe ? row["feed_title"] : row["title"], oldCategory: row["old_category"],
                                  category: subscribe ? row["feed_category"] : row["category"])
            }
        }
    }

    /// How many feed changes wait, over all accounts.
    public func waitingFeedChanges() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SyncTables.feedChanges)") ?? 0 }
    }

    /// The server took the change; a subscription learns its stream id.
    public func finishFeedChange(_ change: FeedChange, streamID: String? = nil) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM \(SyncTables.feedChanges) WHERE id = ?", arguments: [change.id])
            if change.kind == .subscribe, let feedID = change.feedID, let streamID {
                // A stream already linked (the server knew the feed) keeps its feed.
                try db.execute(sql: """
                    UPDATE \(SyncTables.feeds) SET stream_id = ? WHERE feed_id = ? AND NOT EXISTS (
                        SELECT 1 FROM \(SyncTables.feeds) WHERE account_id = ? AND stream_id = ?)
                    """, arguments: [streamID, feedID, change.accountID, streamID])
            }
        }
    }

    /// The server refused the change for good: it is dropped, and a feed
    /// it would not subscribe to stays in krant as a feed krant fetches.
    public func dropFeedChange(_ change: FeedChange) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM \(SyncTables.feedChanges) WHERE id = ?", arguments: [change.id])
            if change.kind == .subscribe, let feedID = change.feedID {
                try db.execute(sql: "DELETE FROM \(SyncTables.feeds) WHERE feed_id = ? AND stream_id IS NULL",
                               arguments: [feedID])
            }
        }
    }

    /// Makes the account's feeds what the server lists, in one transaction:
    /// a new stream becomes a feed (or claims the feed krant already has with
    /// that URL, articles and all), titles, folders and home pages follow the
    /// server, and a feed the server no longer lists is removed, keeping its
    /// starred articles. Call it after this account's queued changes are sent.
    public func applySubscriptions(accountID: Int64, _ subscriptions: [RemoteSubscription]) throws -> SubscriptionChanges {
        try writeTouchingIndex { db in
            var changes = SubscriptionChanges()
            var linked: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, stream_id FROM \(SyncTables.feeds) WHERE account_id = ? AND stream_id IS NOT NULL",
                                        arguments: [accountID]) {
                linked[row["stream_id"]] = row["feed_id"]
            }
            for subscription in subscriptions {
                let title = Self.clean(subscription.title), category = Self.clean(subscription.category)
                if let feedID = linked.removeValue(forKey: subscription.streamID) {
                    guard var feed = try FeedRecord.fetchOne(db, key: feedID) else { continue }
                    let before = feed
                    feed.title = title ?? feed.title
                    feed.siteURL = Self.clean(subscription.siteURL) ?? feed.siteURL
                    if feed.url != subscription.url,
                       try FeedRecord.filter(FeedRecord.Columns.url == subscription.url).fetchCount(db) == 0 {
                        feed.url = subscription.url
                    }
                    // A title learnt for the first time is no rename.
                    if (before.title != nil && feed.title != before.title) || before.category != category {
                        changes.changed += 1
                    }
                    if feed.title != before.title {
                        try db.execute(sql: "UPDATE articles SET source = ? WHERE feed_id = ?", arguments: [feed.title, feedID])
                    }
                    try feed.updateChanges(db, from: before)
                    if before.category != category { try Self.setCategory(category, ofFeed: feedID, in: db) }
                    changes.feedIDs[subscription.streamID] = feedID
                    continue
                }
                if let feed = try FeedRecord.filter(FeedRecord.Columns.url == subscription.url).fetchOne(db), let feedID = feed.id {
                    let owner = try Row.fetchOne(db, sql: "SELECT account_id, stream_id FROM \(SyncTables.feeds) WHERE feed_id = ?",
                                                 arguments: [feedID])
                    // Another account's feed is left to that account.
                    if let owner, (owner["account_id"] as Int64) != accountID { continue }
                    try db.execute(sql: """
                        INSERT INTO \(SyncTables.feeds) (feed_id, account_id, stream_id) VALUES (?, ?, ?)
                        ON CONFLICT (feed_id) DO UPDATE SET stream_id = excluded.stream_id
                        """, arguments: [feedID, accountID, subscription.streamID])
                    var adopted = feed
                    adopted.title = title ?? feed.title
                    adopted.siteURL = Self.clean(subscription.siteURL) ?? feed.siteURL
                    try adopted.updateChanges(db, from: feed)
                    if feed.category != category { try Self.setCategory(category, ofFeed: feedID, in: db) }
                    changes.feedIDs[subscription.streamID] = feedID
                    if owner == nil { changes.added += 1 }
                    continue
                }
                var feed = FeedRecord(url: subscription.url, title: title, category: category, addedAt: Date(),
                                      siteURL: Self.clean(subscription.siteURL))
                try feed.insert(db)
                try db.execute(sql: "INSERT INTO \(SyncTables.feeds) (feed_id, account_id, stream_id) VALUES (?, ?, ?)",
                               arguments: [feed.id, accountID, subscription.streamID])
                changes.feedIDs[subscription.streamID] = feed.id
                changes.added += 1
            }
            // Unsubscribed elsewhere: starred articles stay, as articles of no feed.
            for feedID in linked.values {
                try db.execute(sql: "UPDATE articles SET feed_id = NULL WHERE feed_id = ? AND is_starred = 1", arguments: [feedID])
                _ = try FeedRecord.deleteOne(db, key: feedID)
                changes.removed += 1
            }
            return changes
        }
    }

    static func link(feedID: Int64, in db: Database) throws -> (accountID: Int64, streamID: String?)? {
        try Row.fetchOne(db, sql: "SELECT account_id, stream_id FROM \(SyncTables.feeds) WHERE feed_id = ?",
                         arguments: [feedID]).map { ($0["account_id"], $0["stream_id"]) }
    }

    /// Queues the unsubscription of a feed being removed, or forgets its
    /// subscription if that was never sent. Part of `removeFeed`'s transaction.
    static func queueUnsubscribe(feedID: Int64, in db: Database) throws {
        guard let (accountID, stream) = try link(feedID: feedID, in: db) else { return }
        if let stream {
            try queue(.unsubscribe, accountID: accountID, feedID: nil, streamID: stream, in: db)
        } else {
            try db.execute(sql: "DELETE FROM \(SyncTables.feedChanges) WHERE feed_id = ? AND kind = 'subscribe'",
                           arguments: [feedID])
        }
        // Changes queued for the feed still name it by stream id.
        try db.execute(sql: "UPDATE \(SyncTables.feedChanges) SET feed_id = NULL WHERE feed_id = ?", arguments: [feedID])
    }

    private static func queue(_ kind: FeedChange.Kind, accountID: Int64, feedID: Int64?, streamID: String? = nil,
                              url: String? = nil, title: String? = nil, oldCategory: String? = nil, category: String? = nil,
                              in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO \(SyncTables.feedChanges) (account_id, kind, feed_id, stream_id, url, title, old_category, category)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [accountID, kind.rawValue, feedID, streamID, url, title, oldCategory, category])
    }

    private static func setCategory(_ category: String?, ofFeed feedID: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE feeds SET category = ? WHERE id = ?", arguments: [category, feedID])
        try db.execute(sql: "UPDATE articles SET category = ? WHERE feed_id = ? AND category IS NOT ?",
                       arguments: [category, feedID, category])
    }

    private static func clean(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
