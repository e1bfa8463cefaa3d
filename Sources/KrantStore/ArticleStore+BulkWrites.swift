import GRDB

/// Settings of the writer connection for a bulk import, put back after it.
extension ArticleStore {
    /// Runs `body`, a bulk import, with a larger page cache and rarer
    /// checkpoints on the writer connection, then puts back the settings it
    /// found.
    ///
    /// An import inserts into five indexes (the identity and four date
    /// orders) at places spread over the whole store. With SQLite's default
    /// 2 MB cache most of those pages are read again for each batch, and a
    /// checkpoint every 1,000 pages of log copies the same index pages into
    /// the store over and over. Importing 300,000 feed items (30 files) took
    /// 33–38 s as before, 27–30 s with a 64 MB cache and 21–24 s with both
    /// (checkpoints every 10,000 pages, a log of up to 160 MB), two runs
    /// each on the same machine; a 256 MB cache did no better. The import's
    /// peak memory grows by up to the cache. Only imports: the reader's
    /// writer keeps its settings, so a mark-all-read never grows the
    /// reader's memory by the cache. The larger log is copied into the
    /// store by the next checkpoint (the background indexer's at the end,
    /// or whichever process writes next) and removed when the last
    /// connection closes.
    public func withBulkWrites<T>(_ body: () throws -> T) throws -> T {
        let previous = try pool.writeWithoutTransaction { db in try WriterSettings.read(db) }
        defer { _ = try? pool.writeWithoutTransaction { db in try previous.apply(db) } }
        try pool.writeWithoutTransaction { db in try WriterSettings.bulk.apply(db) }
        return try body()
    }
}

/// The writer connection's page cache (as `PRAGMA cache_size` has it: a
/// negative number is KiB) and how many pages of log start a checkpoint.
struct WriterSettings: Equatable {
    var cacheSize: Int
    var checkpointPages: Int

    static let bulk = WriterSettings(cacheSize: -64 * 1024, checkpointPages: 10_000)

    static func read(_ db: Database) throws -> WriterSettings {
        WriterSettings(cacheSize: try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000,
                       checkpointPages: try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000)
    }

    func apply(_ db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
        try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
    }
}
