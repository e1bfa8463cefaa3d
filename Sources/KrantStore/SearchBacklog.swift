import GRDB
import KrantCore
import KrantFeeds

/// The articles the search index has not taken in yet.
///
/// Tokenising an article's text for FTS5 costs more than storing it (about
/// half an import's writing time, measured with 50,000 feed items), so a bulk
/// import stores articles first and the index catches up afterwards, in
/// transactions of a few hundred articles. Ids only grow (AUTOINCREMENT),
/// so one number says what is indexed: every article up to
/// `indexed_through`, none after it. An article is listed and readable as
/// soon as it is stored; it is found by search once the index has caught up.
enum SearchBacklog {
    static let tableName = "search_progress"

    /// The last indexed article id.
    static func indexedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT indexed_through FROM \(tableName)") ?? 0
    }

    /// True when the article with this id is in the index.
    static func isIndexed(_ id: Int64, in db: Database) throws -> Bool {
        try id <= indexedThrough(db)
    }

    /// Whether any article waits to be indexed (one rowid lookup).
    static func isEmpty(_ db: Database) throws -> Bool {
        try !(Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM articles WHERE id > (SELECT indexed_through FROM \(tableName)))
            """) ?? false)
    }

    /// How many articles wait to be indexed (a rowid range of the table).
    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM articles WHERE id > (SELECT indexed_through FROM \(tableName))
            """) ?? 0
    }

    /// Indexes the oldest `limit` waiting articles (all when nil) in the
    /// caller's transaction and returns how many. The words are the ones the
    /// delete trigger will hand back (`ArticleSearch.bodyExpression`): SQL
    /// for bodies of blocks, `HTMLBody.searchableText` for HTML bodies, laid
    /// out here on every core rather than one at a time inside SQLite.
    @discardableResult
    static func catchUp(limit: Int?, in db: Database) throws -> Int {
        let through = try indexedThrough(db)
        let lastID = try Int64.fetchOne(db, sql: """
            SELECT max(id) FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?)
            """, arguments: [through, limit ?? -1])
        guard let lastID else { return 0 }
        try db.execute(sql: """
            INSERT INTO \(ArticleSearch.tableName) (rowid, title, body)
            SELECT article.id, article.title, \(ArticleSearch.blocksTextExpression("body"))
            FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
            WHERE article.id > ? AND article.id <= ? AND body.body_html IS NULL
            """, arguments: [through, lastID])
        var indexed = db.changesCount
        let htmlRows = try Row.fetchAll(db, sql: """
            SELECT article.id, article.title, body.lead_credit, body.lead_text, body.body_html
            FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
            WHERE article.id > ? AND article.id <= ? AND body.body_html IS NOT NULL
            """, arguments: [through, lastID]).map { row in
                HTMLRow(id: row["id"], title: row["title"], leadCredit: row["lead_credit"],
                        leadText: row["lead_text"], html: row["body_html"])
            }
        let texts = htmlRows.concurrentMap { row in
            HTMLBody.searchableText(leadCredit: row.leadCredit, leadText: row.leadText, html: row.html)
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO \(ArticleSearch.tableName) (rowid, title, body) VALUES (?, ?, ?)")
        for (row, text) in zip(htmlRows, texts) {
            try insert.execute(arguments: [row.id, row.title, text])
        }
        indexed += htmlRows.count
        try db.execute(sql: "UPDATE \(tableName) SET indexed_through = ?", arguments: [lastID])
        return indexed
    }

    /// What an HTML body's words are computed from.
    private struct HTMLRow: Sendable {
        var id: Int64
        var title: String
        var leadCredit: String?
        var leadText: String?
        var html: String
    }
}
