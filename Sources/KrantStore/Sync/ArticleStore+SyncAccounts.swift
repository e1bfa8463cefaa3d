import Foundation
import GRDB

/// Sync accounts: adding, listing and removing them, and what each sync learned.
extension ArticleStore {
    /// Adds an account; throws `StoreError.accountExists` when the name is taken.
    @discardableResult
    public func addAccount(name: String, url: String, user: String) throws -> SyncAccount {
        try pool.write { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM \(SyncTables.accounts) WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.accountExists(name)
            }
            let now = Date()
            try db.execute(sql: "INSERT INTO \(SyncTables.accounts) (name, url, user, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, url, user, now])
            return SyncAccount(id: db.lastInsertedRowID, name: name, url: url, user: user, addedAt: now)
        }
    }

    /// Every account, in the order they were added.
    public func accounts() throws -> [SyncAccount] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(SyncTables.accounts) ORDER BY id").map(Self.account)
        }
    }

    /// The account with this name.
    public func account(named name: String) throws -> SyncAccount? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM \(SyncTables.accounts) WHERE name = ?", arguments: [name])
                .map(Self.account)
        }
    }

    /// Removes an account and everything queued for it. Its feeds and their
    /// articles stay, with their read and starred state, as feeds krant
    /// fetches itself; unless `deletingFeeds`: then they go too.
    public func removeAccount(named name: String, deletingFeeds: Bool = false) throws {
        try writeTouchingIndex { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(SyncTables.accounts) WHERE name = ?",
                                              arguments: [name]) else {
                throw StoreError.noSuchAccount(name)
            }
            if deletingFeeds {
                try db.execute(sql: "DELETE FROM feeds WHERE id IN (SELECT feed_id FROM \(SyncTables.feeds) WHERE account_id = ?)",
                               arguments: [id])
            } else {
                // Marked as released, so the fetch that takes the feeds over
                // matches them to its items by link (`upsertFeedArticles`).
                try db.execute(sql: """
                    UPDATE articles SET identity = '\(Self.releasedIdentityPrefix)' || substr(identity, 6)
                    WHERE id IN (SELECT article_id FROM \(SyncTables.items) WHERE account_id = ?)
                        AND identity >= 'sync:' AND identity < 'sync;'
                    """, arguments: [id])
            }
            try db.execute(sql: "DELETE FROM \(SyncTables.accounts) WHERE id = ?", arguments: [id])
        }
    }

    /// The identity prefix of articles a removed account left behind, in
    /// place of "sync:".
    static let releasedIdentityPrefix = "unsynced:"

    /// Records how a sync of the account ended. `syncedUntil`, when given,
    /// is where the next sync starts.
    public func recordSync(accountID: Int64, status: String, offline: Bool, syncedUntil: Int64? = nil,
                           at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE \(SyncTables.accounts) SET last_status = ?, offline = ?, last_sync_at = ?,
                    synced_until = coalesce(?, synced_until)
                WHERE id = ?
                """, arguments: [status, offline, date, syncedUntil, accountID])
        }
    }

    /// How many marks wait to be sent, over all accounts; and whether the
    /// last sync of any account could not reach its server. For the
    /// reader's status bar: one indexed count.
    public func syncBacklog() throws -> (waitingMarks: Int, offline: Bool) {
        try pool.read { db in
            let marks = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SyncTables.marks)") ?? 0
            let offline = try Bool.fetchOne(db, sql: "SELECT max(offline) FROM \(SyncTables.accounts)") ?? false
            return (marks, offline)
        }
    }

    static func account(id: Int64, in db: Database) throws -> SyncAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM \(SyncTables.accounts) WHERE id = ?", arguments: [id]).map(account)
    }

    /// How many marks wait for the account's server.
    public func waitingMarkCount(accountID: Int64) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SyncTables.marks) WHERE account_id = ?", arguments: [accountID]) ?? 0
        }
    }

    private static func account(_ row: Row) -> SyncAccount {
        SyncAccount(id: row["id"], name: row["name"], url: row["url"], user: row["user"], addedAt: row["added_at"],
                    syncedUntil: row["synced_until"], lastSyncAt: row["last_sync_at"], lastStatus: row["last_status"],
                    isOffline: row["offline"])
    }
}
