import Foundation
import GRDB

/// Feed items the user deleted, by identity, so the next fetch of a feed that
/// still lists them does not bring them back.
///
/// A row is small (the identity, its feed, when a fetch last listed it) and
/// lives only as long as the feed lists the item: a complete fetch that no
/// longer lists it removes the row (`forget`), so the table stays the size of
/// what the feeds still carry. Items of files have no row: importing a file
/// again is asking for it.
enum DeletedItems {
    static let tableName = "deleted_items"

    /// Migration v9.
    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE \(tableName) (
                identity TEXT PRIMARY KEY,
                feed_id INTEGER NOT NULL REFERENCES \(FeedRecord.databaseTableName)(id) ON DELETE CASCADE,
                seen_at REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX deleted_items_by_feed ON \(tableName) (feed_id, seen_at);
            """)
    }

    /// Remembers the feed items among the articles of `idList` (a comma
    /// separated list of ids), before they are deleted.
    static func remember(idList: String, at date: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO \(tableName) (identity, feed_id, seen_at)
            SELECT identity, feed_id, ? FROM articles WHERE id IN (\(idList)) AND feed_id IS NOT NULL
            """, arguments: [date.timeIntervalSince1970])
    }

    /// Whether the feed has deleted items at all (most have none, and then a
    /// fetch looks up nothing per item).
    static func any(feedID: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(tableName) WHERE feed_id = ?)",
                          arguments: [feedID]) ?? false
    }

    /// Whether a fetched item was deleted; if so, notes that the feed still lists it.
    static func isDeleted(_ identity: String, seenAt date: Date, in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: "UPDATE \(tableName) SET seen_at = ? WHERE identity = ?")
        try statement.execute(arguments: [date.timeIntervalSince1970, identity])
        return db.changesCount > 0
    }

    /// Forgets the deleted items of a feed that its complete fetch, begun at
    /// `date`, did not list: they have left the feed and cannot come back.
    /// Returns how many.
    static func forget(feedID: Int64, notSeenSince date: Date, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM \(tableName) WHERE feed_id = ? AND seen_at < ?",
                       arguments: [feedID, date.timeIntervalSince1970])
        return db.changesCount
    }

    /// Takes back the record of a deleted item (its deletion was undone).
    static func unremember(_ identity: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM \(tableName) WHERE identity = ?", arguments: [identity])
    }
}
