import GRDB
import KrantCore

/// The store as the reader sees it: windows of a view, positions in it, and
/// the writes the reader makes. Every query walks an index from a known
/// place, so none of them reads the whole view.
extension ArticleStore: ReaderDataSource {
    public func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline] {
        try headlines(query, limit: limit, offset: offset)
    }

    public func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        (try count(query), try unreadCount(query))
    }

    public func position(of id: Int64, in query: HeadlineQuery) throws -> Int? {
        try pool.read { db in
            guard let key = try Self.sortKey(of: id, in: query, db) else { return nil }
            return try HeadlineFilter.request(query).filter(Self.before(key)).fetchCount(db)
        }
    }

    public func unreadPosition(from index: Int, in query: HeadlineQuery, forward: Bool) throws -> Int? {
        try pool.read { db in
            let filtered = HeadlineFilter.request(query).filter(sql: "+is_read = 0")
            let candidate: Row?
            if let origin = try Row.fetchOne(db, HeadlineFilter.ordered(query)
                .select(ArticleRecord.Columns.publishedSort, ArticleRecord.Columns.id).limit(1, offset: max(0, index))) {
                let key = SortKey(publishedSort: origin[0], id: origin[1])
                candidate = forward
                    ? try Row.fetchOne(db, filtered.filter(Self.after(key))
                        .order(ArticleRecord.Columns.publishedSort.desc, ArticleRecord.Columns.id.desc)
                        .select(ArticleRecord.Columns.publishedSort, ArticleRecord.Columns.id))
                    : try Row.fetchOne(db, filtered.filter(Self.before(key))
                        .order(ArticleRecord.Columns.publishedSort.asc, ArticleRecord.Columns.id.asc)
                        .select(ArticleRecord.Columns.publishedSort, ArticleRecord.Columns.id))
            } else {
                candidate = nil
            }
            guard let candidate else { return nil }
            let key = SortKey(publishedSort: candidate[0], id: candidate[1])
            return try HeadlineFilter.request(query).filter(Self.before(key)).fetchCount(db)
        }
    }

    /// Where an article stands in the list order.
    struct SortKey {
        var publishedSort: String
        var id: Int64
    }

    private static func sortKey(of id: Int64, in query: HeadlineQuery, _ db: Database) throws -> SortKey? {
        let row = try Row.fetchOne(db, HeadlineFilter.request(query)
            .filter(ArticleRecord.Columns.id == id)
            .select(ArticleRecord.Columns.publishedSort, ArticleRecord.Columns.id))
        return row.map { SortKey(publishedSort: $0[0], id: $0[1]) }
    }

    /// Rows listed before `key` (newer, or as new with a higher id).
    private static func before(_ key: SortKey) -> SQLExpression {
        let sort = ArticleRecord.Columns.publishedSort, id = ArticleRecord.Columns.id
        return sort > key.publishedSort || (sort == key.publishedSort && id > key.id)
    }

    /// Rows listed after `key`.
    private static func after(_ key: SortKey) -> SQLExpression {
        let sort = ArticleRecord.Columns.publishedSort, id = ArticleRecord.Columns.id
        return sort < key.publishedSort || (sort == key.publishedSort && id < key.id)
    }
}

extension ArticleStore {
    /// A number that changes whenever another process commits to the store
    /// (SQLite's `data_version` on this store's single writer connection), so
    /// an open reader can notice an import without re-reading anything.
    public func externalChangeCounter() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}

extension ArticleStore {
    public func feedCounts() throws -> [FeedCount] {
        try feeds().map { FeedCount(id: $0.id, title: $0.title ?? $0.url, total: $0.articleCount, unread: $0.unreadCount) }
    }
}
