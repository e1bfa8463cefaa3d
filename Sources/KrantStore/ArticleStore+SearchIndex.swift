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

    /// Whether the index is being filled again because a krant with other
    /// content rules built it (see `SearchBacklog.adopt`).
    public func isRebuildingSearchIndex() throws -> Bool {
        try pool.read { db in try SearchBacklog.isRebuilding(db) }
    }

    /// Indexes up to `limit` waiting articles and returns how many; 0 means
    /// search is up to date. Their words are computed before the write lock
    /// is taken, then written in slices of `SearchBacklog.sliceSize` rows,
    /// one short transaction each, so a reader's marks and an import's
    /// batches get in between within milliseconds.
    @discardableResult
    public func indexForSearch(limit: Int = 500) throws -> Int {
        while true {
            let (through, rows) = try pool.read { db in
                let through = try SearchBacklog.indexedThrough(db)
                return (through, try SearchBacklog.waiting(after: through, limit: limit, in: db))
            }
            guard !rows.isEmpty else { return 0 }
            let computed = SearchBacklog.computeWords(rows, with: converter)
            var indexed = 0
            var after = through
            for start in stride(from: 0, to: computed.count, by: SearchBacklog.sliceSize) {
                let slice = Array(computed[start..<min(computed.count, start + SearchBacklog.sliceSize)])
                let last = slice[slice.count - 1].id
                let converter = self.converter
                let written = try pool.write { db in
                    try SearchBacklog.write(slice, after: after, through: last, with: converter, in: db)
                }
                // Another indexer took these rows: read what still waits.
                guard let written else { break }
                indexed += written
                after = last
            }
            if after != through { return indexed }
        }
    }

    /// Indexes every waiting article and returns how many.
    @discardableResult
    public func catchUpSearch() throws -> Int {
        var total = 0
        while try hasSearchBacklog() {
            total += try indexForSearch()
        }
        return total
    }

    /// Copies the write-ahead log into the store and empties it, after a
    /// command that wrote a lot (an import, a catch-up of the index). The
    /// next process to open the store then has no log to read through first:
    /// a 25 MB log left by indexing 50,000 articles cost the reader's start
    /// over 100 ms. Best effort: a reader holding an old snapshot only
    /// means the log is emptied later.
    ///
    /// The checkpoint does not wait for readers: a truncating checkpoint
    /// holds the write lock while it waits, and with the busy timeout it
    /// kept another process's write waiting for seconds (`krant index`
    /// failed with "database is locked" while the background indexer ended).
    public func truncateWriteAheadLog() {
        _ = try? pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            try db.checkpoint(.truncate)
        }
    }
}
