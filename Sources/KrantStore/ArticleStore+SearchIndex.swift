import GRDB

/// The search index's catching up with bulk imports (see `SearchBacklog`).
extension ArticleStore {
    /// How many stored articles search does not find yet (see `SearchBacklog`).
    public func searchBacklog() throws -> Int {
        try pool.read { db in try SearchBacklog.count(db) }
    }

    /// Indexes up to `limit` waiting articles in one transaction and returns
    /// how many; 0 means search is up to date. Small transactions let a
    /// reader mark articles read in between.
    @discardableResult
    public func indexForSearch(limit: Int = 2_000) throws -> Int {
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
}
