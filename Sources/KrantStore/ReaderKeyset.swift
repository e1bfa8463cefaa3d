import GRDB

/// Where an article stands in list order (`published_sort`, then `id`, both
/// descending), and conditions that compare rows with it. SQLite answers a
/// row-value comparison as a range of the view's index, so a query that
/// starts from an article walks only the rows it returns or counts, however
/// far down the view the article is.
struct ReaderKeyset {
    var publishedSort: String
    var id: Int64

    /// The key of any stored article, whether or not a given view holds it.
    static func of(_ id: Int64, _ db: Database) throws -> ReaderKeyset? {
        try Row.fetchOne(db, sql: "SELECT published_sort, id FROM articles WHERE id = ?", arguments: [id])
            .map { ReaderKeyset(publishedSort: $0[0], id: $0[1]) }
    }

    /// The key of an article whose row SQLite cannot read, from the index
    /// of list order (by a walk of the whole index: only for a damaged store).
    static func ofUnreadable(_ id: Int64, _ db: Database) throws -> ReaderKeyset? {
        try Row.fetchOne(db, sql: "SELECT published_sort, id FROM articles INDEXED BY articles_by_published WHERE id = ?",
                         arguments: [id])
            .map { ReaderKeyset(publishedSort: $0[0], id: $0[1]) }
    }

    /// Rows listed before this key (newer, or as new with a higher id).
    var before: SQL { "(published_sort, id) > (\(publishedSort), \(id))" }
    /// This key's row and every row listed after it.
    var atOrAfter: SQL { "(published_sort, id) <= (\(publishedSort), \(id))" }
    /// Rows listed after this key.
    var after: SQL { "(published_sort, id) < (\(publishedSort), \(id))" }

    /// List order, or its reverse for reading upwards from a key or the bottom.
    static func order(_ request: QueryInterfaceRequest<ArticleRecord>, listOrder: Bool)
        -> QueryInterfaceRequest<ArticleRecord> {
        let sort = ArticleRecord.Columns.publishedSort, id = ArticleRecord.Columns.id
        return listOrder ? request.order(sort.desc, id.desc) : request.order(sort.asc, id.asc)
    }
}
