import Dispatch
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

    /// Indexes up to `limit` waiting articles and returns how many this call
    /// indexed (0 when none waits, or when the ones it read were deleted or
    /// indexed by another process meanwhile). Their words are computed
    /// before the write lock is taken, then written in slices of
    /// `SearchBacklog.sliceSize` rows, one short transaction each, so a
    /// reader's marks and an import's batches get in between within
    /// milliseconds. One batch of `catchUpSearch`, without the pipeline
    /// (for tests that stop half-way).
    @discardableResult
    func indexForSearch(limit: Int = 500) throws -> Int {
        while true {
            let through = try pool.read { db in try SearchBacklog.indexedThrough(db) }
            let batch = try prepareSearchBatch(after: through, limit: limit)
            guard !batch.isEmpty else { return 0 }
            if let indexed = try writeSearchBatch(batch, after: through) { return indexed }
        }
    }

    /// Indexes every waiting article and returns how many.
    ///
    /// A pipeline: while one batch is written (SQLite tokenising on one
    /// core), the next is read and its HTML laid out on the others. Reading
    /// ahead does not depend on the watermark (ids only grow), so only a
    /// write finds out that another indexer got there first; then the
    /// batches read ahead are dropped and reading starts again from it.
    @discardableResult
    public func catchUpSearch(batchSize: Int = 500) throws -> Int {
        var total = 0
        var through = try pool.read { db in try SearchBacklog.indexedThrough(db) }
        var batch = try prepareSearchBatch(after: through, limit: batchSize)
        while let last = batch.last?.id {
            let ahead = Prefetch { try self.prepareSearchBatch(after: last, limit: batchSize) }
            guard let indexed = try writeSearchBatch(batch, after: through) else {
                _ = try? ahead.value()
                through = try pool.read { db in try SearchBacklog.indexedThrough(db) }
                batch = try prepareSearchBatch(after: through, limit: batchSize)
                continue
            }
            total += indexed
            through = last
            batch = try ahead.value()
        }
        return total
    }

    /// The `limit` articles after `through`, with their HTML bodies' words.
    private func prepareSearchBatch(after through: Int64, limit: Int) throws -> [SearchBacklog.Row] {
        let rows = try pool.read { db in try SearchBacklog.waiting(after: through, limit: limit, in: db) }
        return SearchBacklog.computeWords(rows, with: converter)
    }

    /// Writes a prepared batch in slices; nil when another indexer moved the
    /// watermark before the first slice (nothing was written), else how many
    /// were indexed (a later slice that finds the watermark moved stops the
    /// batch: the other indexer goes on from there).
    private func writeSearchBatch(_ batch: [SearchBacklog.Row], after through: Int64) throws -> Int? {
        var indexed = 0
        var after = through
        let converter = self.converter
        for start in stride(from: 0, to: batch.count, by: SearchBacklog.sliceSize) {
            let slice = Array(batch[start..<min(batch.count, start + SearchBacklog.sliceSize)])
            let last = slice[slice.count - 1].id
            let written = try writeTouchingIndex { db in
                try SearchBacklog.write(slice, after: after, through: last, with: converter, in: db)
            }
            guard let written else { return after == through ? nil : indexed }
            indexed += written
            after = last
        }
        return indexed
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

/// Work started on another thread now, its result collected later.
private final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .utility).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value (or throws its error).
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
