import GRDB

/// Settings of the writer connection for a bulk import, put back after it.
extension ArticleStore {
    /// Runs `body`, a bulk import, with a larger page cache and rarer
    /// checkpoints on the writer connection, then restores SQLite's defaults.
    ///
    /// An import inserts into five indexes (the identity and four date
    /// orders) at places spread over the whole store. With the default
    /// 2 MB cache most of those pages are read again for each batch, and a
    /// checkpoint every 1,000 pages of log copies the same index pages into
    /// the store over and over. Importing 300,000 feed items (30 files) took
    /// 33–38 s as before, 27–30 s with a 64 MB cache and 21–24 s with both
    /// (checkpoints every 10,000 pages), two runs each on the same machine.
    /// A larger cache did not help (23 s with 256 MB). The log is emptied
    /// at the end (`truncateWriteAheadLog`), as after any import. Only
    /// imports: the reader's writer keeps the defaults, so a mark-all-read
    /// does not grow the reader's memory by the cache.
    public func withBulkWrites<T>(_ body: () throws -> T) throws -> T {
        try setWriterPragmas(cacheKiB: Self.bulkCacheKiB, checkpointPages: Self.bulkCheckpointPages)
        defer { try? setWriterPragmas(cacheKiB: Self.defaultCacheKiB, checkpointPages: Self.defaultCheckpointPages) }
        return try body()
    }

    private func setWriterPragmas(cacheKiB: Int, checkpointPages: Int) throws {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
        }
    }

    static let bulkCacheKiB = 64 * 1024
    static let bulkCheckpointPages = 10_000
    /// SQLite's own defaults.
    static let defaultCacheKiB = 2000
    static let defaultCheckpointPages = 1000
}
