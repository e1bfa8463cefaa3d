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
        try pool.read { db in
            guard let link = try Self.link(feedID: feedID, in: db),
                  let account = try Self.account(id: link.accountID, in: db) else { return nil }
            return (account, link.streamID)
        }
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
        try pool.write { db in
            let feed = try Self.insertFeed(url: url, title: title, category: category, in: db)
            try db.execute(sql: "INSERT INTO \(SyncTables.feeds) (feed_id, account_id, stream_id) VALUES (?, ?, NULL)",
                           arguments: [feed.id, account.id])
            try Self.queue(.subscribe, accountID: account.id, feedID: feed.id, url: feed.url, in: db)
            return feed
        }
    }

    /// Renames a feed; a feed of a sync account has the rename queued for its server.
    public func renameFeed(id: Int64, title: String?) throws {
        let newTitle = Self.nonEmpty(title)
        try pool.write { db in
            guard try FeedRecord.exists(db, key: id) else { throw StoreError.noSuchFeed("\(id)") }
            try Self.setTitle(newTitle, ofFeed: id, in: db)
            if let (accountID, stream) = try Self.link(feedID: id, in: db), let stream {
                try Self.queue(.rename, accountID: accountID, feedID: id, streamID: stream, title: newTitle, in: db)
            }
        }
    }

    /// Moves a feed and its articles to another category (nil: none); a feed
    /// of a sync account has the move queued for its server.
    public func moveFeed(id: Int64, category: String?) throws {
        let category = Self.nonEmpty(category)
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
                let title = Self.nonEmpty(subscription.title), category = Self.nonEmpty(subscription.category)
                if let feedID = linked.removeValue(forKey: subscription.streamID) {
                    if try Self.follow(subscription, feedID: feedID, in: db) { changes.changed += 1 }
                    changes.feedIDs[subscription.streamID] = feedID
                    continue
                }
                if let feedID = try FeedRecord.select(FeedRecord.Columns.id).filter(FeedRecord.Columns.url == subscription.url)
                    .asRequest(of: Int64.self).fetchOne(db) {
                    let owner = try Self.link(feedID: feedID, in: db)
                    // Another account's feed is left to that account.
                    if let owner, owner.accountID != accountID { continue }
                    try db.execute(sql: """
                        INSERT INTO \(SyncTables.feeds) (feed_id, account_id, stream_id) VALUES (?, ?, ?)
                        ON CONFLICT (feed_id) DO UPDATE SET stream_id = excluded.stream_id
                        """, arguments: [feedID, accountID, subscription.streamID])
                    _ = try Self.follow(subscription, feedID: feedID, in: db)
                    changes.feedIDs[subscription.streamID] = feedID
                    if owner == nil { changes.added += 1 }
                    continue
                }
                var feed = FeedRecord(url: subscription.url, title: title, category: category, addedAt: Date(),
                                      siteURL: Self.nonEmpty(subscription.siteURL))
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

    /// Gives a feed the server's title, home page, address and folder,
    /// its articles the title and folder too; returns whether it was
    /// renamed or moved (a title learnt for the first time is no rename).
    private static func follow(_ subscription: RemoteSubscription, feedID: Int64, in db: Database) throws -> Bool {
        guard var feed = try FeedRecord.fetchOne(db, key: feedID) else { return false }
        let before = feed
        let title = nonEmpty(subscription.title) ?? feed.title, category = nonEmpty(subscription.category)
        feed.siteURL = nonEmpty(subscription.siteURL) ?? feed.siteURL
        if feed.url != subscription.url,
           try FeedRecord.filter(FeedRecord.Columns.url == subscription.url).fetchCount(db) == 0 {
            feed.url = subscription.url
        }
        try feed.updateChanges(db, from: before)
        if title != before.title { try setTitle(title, ofFeed: feedID, in: db) }
        if category != before.category { try setCategory(category, ofFeed: feedID, in: db) }
        return (before.title != nil && title != before.title) || category != before.category
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

    private static func setTitle(_ title: String?, ofFeed feedID: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE feeds SET title = ? WHERE id = ?", arguments: [title, feedID])
        try db.execute(sql: "UPDATE articles SET source = ? WHERE feed_id = ? AND source IS NOT ?",
                       arguments: [title, feedID, title])
    }

    private static func setCategory(_ category: String?, ofFeed feedID: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE feeds SET category = ? WHERE id = ?", arguments: [category, feedID])
        try db.execute(sql: "UPDATE articles SET category = ? WHERE feed_id = ? AND category IS NOT ?",
                       arguments: [category, feedID, category])
    }
}
