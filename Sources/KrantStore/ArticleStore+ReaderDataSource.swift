import GRDB
import KrantCore

/// The store as the reader sees it: windows of a view, positions in it, and
/// the writes the reader makes. Every query walks an index from a known place
/// (the top, the bottom, or an article's key; see `ReaderKeyset`), so it costs
/// the rows it returns or the distance it moves, not the size of the view.
extension ArticleStore: ReaderDataSource {
    public func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline] {
        try window(windowRequest(query, shape: { ReaderKeyset.order($0, listOrder: true) }, skip: offset, limit: limit))
    }

    /// Read upwards from the bottom and turned round, so `G` costs a window.
    public func headlines(_ query: HeadlineQuery, fromEnd: Int, limit: Int) throws -> [Headline] {
        try window(windowRequest(query, shape: { ReaderKeyset.order($0, listOrder: false) }, skip: fromEnd, limit: limit))
            .reversed()
    }

    public func headlines(_ query: HeadlineQuery, from anchor: Int64, forward: Bool, skip: Int, limit: Int) throws
        -> [Headline]? {
        let key = try pool.read({ db in try ReaderKeyset.of(anchor, db) },
                                salvaging: { db in try ReaderKeyset.ofUnreadable(anchor, db) })
        guard let key else { return nil }
        let side: SearchPlan.Shape = { ReaderKeyset.order($0.filter(forward ? key.atOrAfter : key.before), listOrder: forward) }
        let rows = try window(windowRequest(query, shape: side, skip: skip, limit: limit))
        return forward ? rows : rows.reversed()
    }

    /// A window of headlines. When one of its articles lies in a damaged
    /// page, the window is read again one article at a time: each one
    /// SQLite cannot read keeps its place as a headline that says so, and
    /// the reader goes on showing the others. Their ids come from the index
    /// the view walks, which is often whole when the table is not.
    private func window(_ request: QueryInterfaceRequest<ArticleRecord>) throws -> [Headline] {
        try pool.read({ db in try Self.fetchHeadlines(request, db) }, salvaging: { db in
            try Int64.fetchAll(db, request.select(ArticleRecord.Columns.id)).compactMap { id in
                do {
                    return try Self.fetchHeadlines(ArticleRecord.filter(ArticleRecord.Columns.id == id), db).first
                } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
                    return Headline(id: id, title: Self.unreadableTitle, isRead: true)
                }
            }
        })
    }

    /// `limit` rows of `query`'s view after `skip`, in the order and bounds
    /// `shape` puts on it. A search's window walks the list's own order or
    /// looks its hits up, whichever `SearchPlan` finds cheaper.
    func windowRequest(_ query: HeadlineQuery, shape: SearchPlan.Shape, skip: Int, limit: Int)
        -> QueryInterfaceRequest<ArticleRecord> {
        let walking = walksListOrder(query, skipping: skip, limit: limit, shape: shape)
        return shape(HeadlineFilter.request(query, access: SearchPlan.access(walking))).limit(limit, offset: skip)
    }

    /// Whether a search view's window is read walking the list's own order
    /// (see `SearchPlan`); false for every other view.
    func walksListOrder(_ query: HeadlineQuery, skipping: Int, limit: Int, shape: SearchPlan.Shape) -> Bool {
        let (rows, overflow) = skipping.addingReportingOverflow(limit)
        guard query.search != nil, !overflow else { return false }
        return (try? pool.read { db in SearchPlan.walksListOrder(query, rows: rows, in: db, shape: shape) }) ?? false
    }

    /// The title shown for an article SQLite cannot read.
    static let unreadableTitle = "(this article cannot be read: the store is damaged)"

    public func position(of id: Int64, in query: HeadlineQuery, fromEnd: Bool) throws -> Int? {
        try pool.read { db in
            let row = try Row.fetchOne(db, HeadlineFilter.request(query).filter(ArticleRecord.Columns.id == id)
                .select(ArticleRecord.Columns.publishedSort, ArticleRecord.Columns.id))
            guard let row else { return nil }
            let key = ReaderKeyset(publishedSort: row[0], id: row[1])
            return try HeadlineFilter.request(query).filter(fromEnd ? key.after : key.before).fetchCount(db)
        }
    }

    /// Finds the target by keyset on the unread rows (the is_read index makes
    /// that a seek in the whole list), then counts only the rows between.
    public func nearestUnread(to anchor: Int64, in query: HeadlineQuery, forward: Bool) throws
        -> (headline: Headline, distance: Int)? {
        var unread = query
        unread.unreadOnly = true
        return try pool.read { db in
            guard let key = try ReaderKeyset.of(anchor, db) else { return nil }
            let side = HeadlineFilter.request(unread).filter(forward ? key.after : key.before)
            let request = ReaderKeyset.order(side, listOrder: forward)
                .select(HeadlineRecord.columns + [ArticleRecord.Columns.publishedSort]).limit(1)
            guard let row = try Row.fetchOne(db, request) else { return nil }
            let target = ReaderKeyset(publishedSort: row[ArticleRecord.Columns.publishedSort],
                                      id: row[ArticleRecord.Columns.id])
            let between = forward
                ? HeadlineFilter.request(query).filter(key.atOrAfter).filter(target.before)
                : HeadlineFilter.request(query).filter(target.atOrAfter).filter(key.before)
            return (try HeadlineRecord(row: row).headline, try between.fetchCount(db))
        }
    }

    /// SQLite's reason in words, without the SQL (`StoreError.reason(for:)`).
    public func describe(_ error: any Error) -> String {
        StoreError.reason(for: error)
    }

    private static func fetchHeadlines(_ request: QueryInterfaceRequest<ArticleRecord>, _ db: Database) throws
        -> [Headline] {
        try request.select(HeadlineRecord.columns).asRequest(of: HeadlineRecord.self).fetchAll(db).map(\.headline)
    }
}

extension ArticleStore {
    /// A number that changes whenever another process commits to the store
    /// (SQLite's `data_version` on this store's single writer connection), so
    /// an open reader can notice an import without re-reading anything.
    public func externalChangeCounter() throws -> Int {
        try pool.readOnWriter { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
