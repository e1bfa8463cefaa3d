import Foundation
import GRDB

/// Inspects a file before the store opens it for writing.
///
/// Opening a `DatabasePool` already writes (it switches the file to WAL), and
/// migrating writes more, so a file that is not ours, or that a newer krant
/// migrated, must be recognised first by means that cannot change it: its
/// header bytes, then a connection that only reads.
enum ExistingStoreCheck {
    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// Throws a `StoreError` unless `path` is absent, empty, an empty SQLite
    /// database, or a krant store this version can migrate.
    static func check(path: String, migrator: DatabaseMigrator) throws(StoreError) {
        guard try holdsADatabase(path: path) else { return }
        try inspectSchema(path: path, migrator: migrator)
    }

    /// Whether `path` holds something for SQLite to open: false when it is
    /// absent or empty (a new store); throws when it is a directory, cannot
    /// be read, or does not start with SQLite's header.
    static func holdsADatabase(path: String) throws(StoreError) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "it cannot be read")
        }
        let header = (try? handle.read(upToCount: sqliteMagic.count)) ?? nil
        try? handle.close()
        // SQLite treats an empty file as a new database; so do we.
        guard let header, !header.isEmpty else { return false }
        guard Array(header) == sqliteMagic else {
            throw .notADatabase(path: path, reason: "file is not a database")
        }
        return true
    }

    /// Whether `path` is an SQLite database in WAL mode: bytes 18 and 19 of
    /// its header (the file format versions) are 2 once a connection has set
    /// `journal_mode = WAL`, and stay so.
    static func isInWALMode(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20,
              Array(header.prefix(sqliteMagic.count)) == sqliteMagic else { return false }
        return header[header.startIndex + 18] == 2 && header[header.startIndex + 19] == 2
    }

    private static func inspectSchema(path: String, migrator: DatabaseMigrator) throws(StoreError) {
        // Not `readonly`: a read-only connection to a WAL file creates -wal
        // and -shm files it cannot delete again. A read-write connection that
        // never writes (GRDB's `read` runs with `query_only`) leaves the main
        // file alone and, as the last connection, removes them on close.
        var configuration = Configuration()
        configuration.label = "krant.check"
        // Another krant may be writing (an import): wait for it, as the store does.
        configuration.busyMode = .timeout(ArticleStore.busyTimeout)
        let verdict: StoreError?
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            verdict = try queue.read { db in try Self.verdict(db, path: path, migrator: migrator) }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreErrorMapping.openError(error, path: path, existed: true)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        if let verdict { throw verdict }
    }

    /// What is wrong with the database `db` as a krant store, or nil when
    /// this krant can use it (or it is empty).
    static func verdict(_ db: Database, path: String, migrator: DatabaseMigrator) throws -> StoreError? {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            """)
        if tables.isEmpty { return nil }
        guard tables.contains("grdb_migrations") else {
            return .notADatabase(path: path, reason: "it holds another program's tables")
        }
        let applied = try migrator.appliedIdentifiers(db)
        guard applied.contains(StoreMigrations.first) else {
            return .notADatabase(path: path, reason: "it was not written by krant")
        }
        return try migrator.hasBeenSuperseded(db) ? .newerSchema(path: path) : nil
    }
}
