import GRDB

/// The search index's catching up with bulk imports (see `SearchBacklog`).
extension ArticleStore {
    /// How many stored articles search does not find yet (see `SearchBacklog`).
    public func searchBacklog() throws -> Int {
        try pool.read { db in try SearchBacklog.count(db) }
    }

    /// Whether any article waits for the index: one lookup, whatever the backlog.
    public func hasSearchBacklog() throws -> Bool {
        try pool.read { db in try !SearchBacklog.isEmpty(db) }
    }

    /// Indexes up to `limit` waiting articles in one transaction and returns
    /// how many; 0 means search is up to date. Small transactions (500 feed
    /// items hold the write lock about 50 ms) let a reader's marks and an
    /// import's batches in between.
    @discardableResult
    public func indexForSearch(limit: Int = 500) throws -> Int {
        try pool.write { db in try SearchBacklog.catchUp(limit: limit, in: db) }
    }

    /// Indexes every waiting article, a transaction at a time, and returns
    /// how many.
    @discardableResult
    public func catchUpSearch() throws -> Int {
        var total = 0
        while true {
            let indexed = try indexForSearch()
            if indexed == 0 { return total }
            total += indexed
        }
    }

    /// Copies the write-ahead log into the store and empties it, after a
    /// command that wrote a lot (an import, a catch-up of the index). The
    /// next process to open the store then has no log to read through first:
    /// a 25 MB log left by indexing 50,000 articles cost the reader's start
    /// over 100 ms. Best effort: a reader holding an old snapshot only
    /// means the log is emptied later.
    public func truncateWriteAheadLog() {
        _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}
