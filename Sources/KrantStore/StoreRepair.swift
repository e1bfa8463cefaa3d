import Foundation
import GRDB

/// Copies everything SQLite can still read from a damaged store into a new
/// one (`krant repair`), leaving the damaged file exactly as it was.
///
/// The new store is made by this krant (its schema, triggers and indexes
/// whole); then every table of the old one that holds what a user made
/// (articles and their bodies, feeds, read and star state, and tables later
/// migrations add) is copied row by row (`RowSalvage`), column by column
/// where both stores have the column. What can be computed again is not
/// copied but computed: the counts per category and feed, and the search
/// index, which is rebuilt from the copied articles.
public enum StoreRepair {
    /// What a repair copied.
    public struct Report: Sendable {
        /// The new store.
        public var target: String
        public var articles = 0
        public var feeds = 0
        /// How many articles the damaged store's counts said it held, when
        /// they could be read.
        public var expectedArticles: Int?
        public var expectedFeeds: Int?
        /// Damaged stretches of rows stepped over, in all tables.
        public var damagedStretches = 0
        /// Rows copied but dropped because what they belong to was lost (an
        /// article's body without its article, or the reverse).
        public var orphans = 0
    }

    /// Repairs the store at `path` into `target`, by default a new file
    /// beside it (`repairedPath(beside:)`); `target` must not exist.
    public static func repair(path: String, into target: String? = nil) throws -> Report {
        guard try ExistingStoreCheck.holdsADatabase(path: path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no store there")
        }
        let target = target ?? repairedPath(beside: path)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw StoreError.cannotCreate(path: target, reason: "a file of that name exists; krant will not overwrite it")
        }
        var configuration = Configuration()
        configuration.label = "krant.repair"
        configuration.busyMode = .timeout(ArticleStore.busyTimeout)
        let source: DatabasePool
        do {
            source = try StoreAccess.openReadOnly(path: path, configuration: configuration, preferSnapshot: true)
            // The list of tables is the least a copy needs.
            _ = try source.unsafeRead { db in try Row.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        } catch let error as DatabaseError {
            throw StoreError.damaged(path: path, reason: "\(error.message ?? "SQLite error \(error.resultCode.rawValue)"); "
                                     + "not even its list of tables can be read, so there is nothing to copy")
        }
        let store = try ArticleStore(path: target)
        var report = Report(target: target)
        // Not `read`: its transaction's COMMIT reports the damage a statement
        // met once more, after the copy.
        try source.unsafeRead { old in
            report.expectedArticles = try? Int.fetchOne(old, sql: "SELECT sum(total) FROM \(ArticleCounts.tableName)")
            report.expectedFeeds = try? Int.fetchOne(old, sql: "SELECT count(*) FROM \(FeedRecord.databaseTableName)")
            try store.pool.write { new in
                // Rows go in in table order, before what they refer to.
                try new.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for table in try copiedTables(old: old, new: new) {
                    report.damagedStretches += try copy(table, from: old, to: new)
                }
                try copySequences(from: old, to: new)
                report.orphans = try dropOrphans(in: new)
                try recount(in: new)
                // The next fetch downloads every feed whole, and so brings
                // back the lost items that are still in their feeds.
                try new.execute(sql: "UPDATE \(FeedRecord.databaseTableName) SET etag = NULL, last_modified = NULL")
                report.articles = try ArticleRecord.fetchCount(new)
                report.feeds = try FeedRecord.fetchCount(new)
            }
        }
        try store.catchUpSearch()
        store.truncateWriteAheadLog()
        return report
    }

    /// `krant-repaired.db` beside `krant.db`, or `krant-repaired-2.db`, ...
    /// when that exists.
    public static func repairedPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        var number = 1
        while true {
            let name = stem + "-repaired" + (number == 1 ? "" : "-\(number)") + suffix
            let candidate = folder.appendingPathComponent(name).path
            if !FileManager.default.fileExists(atPath: candidate) { return candidate }
            number += 1
        }
    }

    /// Tables of both stores that hold what users made, each with the
    /// columns both have. Left out: SQLite's own, the migrations' record,
    /// virtual tables and their shadow tables (the search index), and what
    /// `recount` and the search backlog compute again.
    private static func copiedTables(old: Database, new: Database) throws -> [(name: String, columns: [String])] {
        let schema = try Row.fetchAll(new, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        let virtual = schema.filter { ($0["sql"] as String? ?? "").uppercased().hasPrefix("CREATE VIRTUAL") }
            .map { $0["name"] as String }
        let computed: Set<String> = ["grdb_migrations", SearchBacklog.tableName, ArticleCounts.tableName]
        var tables: [(name: String, columns: [String])] = []
        for row in schema {
            let name: String = row["name"]
            if name.hasPrefix("sqlite_") || computed.contains(name)
                || virtual.contains(where: { name == $0 || name.hasPrefix($0 + "_") }) { continue }
            // Only rowid tables can be read past damage (`RowSalvage`).
            guard try !isWithoutRowID(name, in: new) else { continue }
            let newColumns = try new.columns(in: name).map(\.name)
            guard try old.tableExists(name) else { continue }
            let oldColumns = Set(try old.columns(in: name).map(\.name))
            tables.append((name, newColumns.filter(oldColumns.contains)))
        }
        return tables
    }

    private static func isWithoutRowID(_ table: String, in db: Database) throws -> Bool {
        do {
            _ = try db.makeStatement(sql: "SELECT rowid FROM \(table.quotedDatabaseIdentifier) LIMIT 0")
            return false
        } catch {
            return true
        }
    }

    /// Copies one table's readable rows; returns the damaged stretches.
    private static func copy(_ table: (name: String, columns: [String]), from old: Database, to new: Database)
        throws -> Int {
        guard !table.columns.isEmpty else { return 0 }
        let columns = table.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let values = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        // OR IGNORE: a damaged index may have let in two rows that may not
        // both be in the new store; the first is kept.
        let insert = try new.makeStatement(sql: """
            INSERT OR IGNORE INTO \(table.name.quotedDatabaseIdentifier) (\(columns)) VALUES (\(values))
            """)
        return try RowSalvage(table: table.name, columns: table.columns).forEachReadableRow(in: old) { values in
            try insert.execute(arguments: StatementArguments(values))
        }
    }

    /// Ids of deleted articles and feeds are never given out again: the new
    /// store goes on from where the old one's counters were.
    private static func copySequences(from old: Database, to new: Database) throws {
        guard let rows = try? Row.fetchAll(old, sql: "SELECT name, seq FROM sqlite_sequence") else { return }
        for row in rows {
            let (name, sequence): (String, Int64) = (row["name"], row["seq"])
            try new.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [sequence, name])
            try new.execute(sql: """
                INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)
                """, arguments: [name, sequence, name])
        }
    }

    /// Rows whose parent row was lost: a reference that may be empty is
    /// emptied (an article whose feed was lost stays, as an article of no
    /// feed), any other row goes; so does an article whose body was lost,
    /// since it cannot be shown. Returns how many rows went.
    private static func dropOrphans(in db: Database) throws -> Int {
        var dropped = 0
        while true {
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            guard !violations.isEmpty else { break }
            for violation in violations {
                let (table, rowid, key): (String, Int64, Int) = (violation["table"], violation["rowid"], violation["fkid"])
                let nullable = try nullableReference(key, of: table, in: db)
                let quoted = table.quotedDatabaseIdentifier
                if let column = nullable {
                    try db.execute(sql: "UPDATE \(quoted) SET \(column.quotedDatabaseIdentifier) = NULL WHERE rowid = ?",
                                   arguments: [rowid])
                } else {
                    try db.execute(sql: "DELETE FROM \(quoted) WHERE rowid = ?", arguments: [rowid])
                    dropped += db.changesCount
                }
            }
        }
        try db.execute(sql: """
            DELETE FROM \(ArticleRecord.databaseTableName)
            WHERE id NOT IN (SELECT id FROM \(ArticleBodies.tableName))
            """)
        return dropped + db.changesCount
    }

    /// The column of foreign key `key` of `table`, when it may be NULL.
    private static func nullableReference(_ key: Int, of table: String, in db: Database) throws -> String? {
        let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))")
            .filter { $0["id"] as Int == key }
        guard references.count == 1, let column = references[0]["from"] as String? else { return nil }
        let info = try db.columns(in: table).first { $0.name == column }
        return info.map { !$0.isNotNull && $0.primaryKeyIndex == 0 } == true ? column : nil
    }

    /// The counts per category and feed, from the copied articles.
    private static func recount(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM \(ArticleCounts.tableName);
            INSERT INTO \(ArticleCounts.tableName) (category, feed_id, total, unread)
                SELECT coalesce(category, ''), coalesce(feed_id, 0), count(*), sum(is_read = 0)
                FROM \(ArticleRecord.databaseTableName) GROUP BY 1, 2;
            """)
    }
}
