import GRDB

/// The tables that keep krant in step with aggregator servers (Google Reader
/// API accounts), created by the `v10-sync` migration.
///
/// - `sync_accounts`: one row per server account; its password is never
///   stored, and its auth token lives in a file of its own (`SyncTokenFile`).
/// - `sync_feeds`: which local feeds are the account's subscriptions, by the
///   server's stream id ("feed/12"); a NULL stream id is a subscription
///   queued in krant and not yet sent.
/// - `sync_items`: which local articles are the server's items, by the
///   server's decimal item id.
/// - `sync_marks`: read and starred changes made in krant and not yet sent,
///   one row per server item and flag (the latest value wins). Written by
///   triggers in the same transaction as the change itself, so every way of
///   marking (the reader, `krant mark`, mark-all-read) is queued, and a
///   kill -9 can lose the change and its queue row only together.
/// - `sync_feed_changes`: subscribing, unsubscribing, renaming and moving
///   done in krant and not yet sent, in order.
/// - `sync_applying`: set only inside the transaction that applies the
///   server's state, so that state is not queued to go back to the server.
///   Other connections never see it set (they read committed data).
enum SyncTables {
    static let accounts = "sync_accounts"
    static let feeds = "sync_feeds"
    static let items = "sync_items"
    static let marks = "sync_marks"
    static let feedChanges = "sync_feed_changes"
    static let applying = "sync_applying"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE \(accounts) (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                url TEXT NOT NULL,
                user TEXT NOT NULL,
                added_at DATETIME NOT NULL,
                synced_until INTEGER NOT NULL DEFAULT 0,
                last_sync_at DATETIME,
                last_status TEXT,
                offline BOOLEAN NOT NULL DEFAULT 0);
            CREATE TABLE \(feeds) (
                feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
                account_id INTEGER NOT NULL REFERENCES \(accounts)(id) ON DELETE CASCADE,
                stream_id TEXT,
                UNIQUE (account_id, stream_id));
            CREATE TABLE \(items) (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                account_id INTEGER NOT NULL REFERENCES \(accounts)(id) ON DELETE CASCADE,
                item_id INTEGER NOT NULL,
                UNIQUE (account_id, item_id));
            CREATE TABLE \(marks) (
                account_id INTEGER NOT NULL REFERENCES \(accounts)(id) ON DELETE CASCADE,
                item_id INTEGER NOT NULL,
                flag TEXT NOT NULL CHECK (flag IN ('read', 'starred')),
                value BOOLEAN NOT NULL,
                PRIMARY KEY (account_id, item_id, flag)) WITHOUT ROWID;
            CREATE TABLE \(feedChanges) (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                account_id INTEGER NOT NULL REFERENCES \(accounts)(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('subscribe', 'unsubscribe', 'rename', 'move')),
                feed_id INTEGER,
                stream_id TEXT,
                url TEXT,
                title TEXT,
                old_category TEXT,
                category TEXT);
            CREATE TABLE \(applying) (id INTEGER PRIMARY KEY CHECK (id = 1), active BOOLEAN NOT NULL);
            INSERT INTO \(applying) (id, active) VALUES (1, 0);
            """)
        for (column, flag) in [("is_read", "read"), ("is_starred", "starred")] {
            // The lookup is one primary-key probe: a store without accounts
            // pays next to nothing per mark. The mark names the server's
            // item, not the article, so deleting the article (or retention)
            // cannot take a mark with it before it is sent.
            try db.execute(sql: """
                CREATE TRIGGER \(marks)_\(flag) AFTER UPDATE OF \(column) ON articles
                WHEN old.\(column) IS NOT new.\(column) AND (SELECT active FROM \(applying) WHERE id = 1) = 0
                BEGIN
                    INSERT INTO \(marks) (account_id, item_id, flag, value)
                        SELECT account_id, item_id, '\(flag)', new.\(column) FROM \(items) WHERE article_id = new.id
                        ON CONFLICT (account_id, item_id, flag) DO UPDATE SET value = excluded.value;
                END
                """)
        }
    }
}
