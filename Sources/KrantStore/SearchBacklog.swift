import GRDB
import KrantContent
import KrantCore

/// The articles the search index has not taken in yet.
///
/// Tokenising an article's text for FTS5 costs more than storing it (about
/// half an import's writing time, measured with 50,000 feed items), so a bulk
/// import stores articles first and the index catches up afterwards. Ids
/// only grow (AUTOINCREMENT), so one number says what is indexed: every
/// article up to `indexed_through`, none after it. An article is listed and
/// readable as soon as it is stored; it is found by search once the index
/// has caught up.
///
/// Catching up never lays out HTML while holding the write lock: the waiting
/// rows are read and their words computed first (on every core), then
/// written in slices of `sliceSize` rows, each its own short transaction
/// that checks nothing it relies on changed meanwhile. Another writer (the
/// reader's read marks, an import, a second indexer) waits a few
/// milliseconds at most.
enum SearchBacklog {
    static let tableName = "search_progress"

    /// Rows per write transaction while catching up: a few milliseconds of
    /// FTS5 inserts for 4 KB articles on this machine. Catching up 100,000
    /// feed items (words computed ahead on the other core, see
    /// `ArticleStore.catchUpSearch`) took 13.3 s with 100, 11.6 s with 500,
    /// and 14.1 s with the earlier 500-row transactions that laid out HTML
    /// inside them (medians of 3).
    static let sliceSize = 100

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

    // MARK: - Which rules built the index

    /// The converter version whose words are in the index.
    static func converterVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT converter_version FROM \(tableName)") ?? 0
    }

    /// Whether the index is being rebuilt because another krant's rules
    /// built it, and articles still wait for it.
    static func isRebuilding(_ db: Database) throws -> Bool {
        try (Bool.fetchOne(db, sql: "SELECT rebuilding FROM \(tableName)") ?? false) && !isEmpty(db)
    }

    /// Empties the index when rules other than `converter`'s built it, and
    /// puts every article back in the backlog: the old words can no longer
    /// be computed, so no update or delete may ask for them (the delete
    /// trigger takes out only articles up to `indexed_through`, now none).
    /// Returns whether it did. One statement empties a contentless index,
    /// whatever its size; the background indexer fills it again.
    ///
    /// Every write that may touch the index calls this first, in its own
    /// transaction (`ArticleStore.writeTouchingIndex`), not only the opening
    /// of the store: a krant with other rules may have adopted the index
    /// since, and its words must never mix with ours.
    static func adopt(_ converter: ContentConverter, in db: Database) throws -> Bool {
        guard try converterVersion(db) != converter.version else { return false }
        try db.execute(sql: """
            INSERT INTO \(ArticleSearch.tableName) (\(ArticleSearch.tableName)) VALUES ('delete-all');
            UPDATE \(tableName) SET indexed_through = 0, converter_version = ?,
                rebuilding = EXISTS (SELECT 1 FROM articles);
            """, arguments: [converter.version])
        return true
    }

    // MARK: - Catching up

    /// One waiting article with the inputs of its words, read before the
    /// write lock is taken.
    struct Row: Sendable {
        var id: Int64
        var leadCredit: String?
        var leadText: String?
        /// Nil for a body of blocks: SQL computes its words (`ArticleSearch.blocksTextExpression`).
        var html: String?
        /// The words of an HTML body, computed outside the transaction.
        var words: String?
    }

    /// The oldest `limit` waiting articles after `through`, HTML words not yet computed.
    static func waiting(after through: Int64, limit: Int, in db: Database) throws -> [Row] {
        try GRDB.Row.fetchAll(db, sql: """
            SELECT article.id, body.lead_credit, body.lead_text, body.body_html
            FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
            WHERE article.id > ? ORDER BY article.id LIMIT ?
            """, arguments: [through, limit]).map { row in
                Row(id: row["id"], leadCredit: row["lead_credit"], leadText: row["lead_text"], html: row["body_html"])
            }
    }

    /// Computes the words of the HTML rows on every core.
    static func computeWords(_ rows: [Row], with converter: ContentConverter) -> [Row] {
        rows.concurrentMap { row in
            var row = row
            if let html = row.html { row.words = converter.searchableText(row.leadCredit, row.leadText, html) }
            return row
        }
    }

    /// Indexes `rows` (ascending ids, all after `through`) in the caller's
    /// transaction and moves the watermark from `through` to `lastID`.
    /// Returns how many were indexed, or nil when another writer moved the
    /// watermark since `through` was read (the caller reads again).
    ///
    /// Every row is read again under the lock: one whose body changed since
    /// its words were computed gets them computed again here (rare: an
    /// update of a waiting article); one deleted meanwhile is skipped (it
    /// was never in the index).
    static func write(_ rows: [Row], after through: Int64, through lastID: Int64,
                      with converter: ContentConverter, in db: Database) throws -> Int? {
        guard try indexedThrough(db) == through else { return nil }
        let insertBlocks = try db.cachedStatement(sql: """
            INSERT INTO \(ArticleSearch.tableName) (rowid, title, body)
            SELECT article.id, article.title, \(ArticleSearch.blocksTextExpression("body"))
            FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
            WHERE article.id = ? AND body.body_html IS NULL
            """)
        let current = try db.cachedStatement(sql: """
            SELECT article.title, body.lead_credit, body.lead_text, body.body_html
            FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
            WHERE article.id = ?
            """)
        let insert = try db.cachedStatement(sql: "INSERT INTO \(ArticleSearch.tableName) (rowid, title, body) VALUES (?, ?, ?)")
        var indexed = 0
        for row in rows {
            // Read again under the lock: the body may have changed since.
            guard let stored = try GRDB.Row.fetchOne(current, arguments: [row.id]) else { continue }
            let (leadCredit, leadText, html): (String?, String?, String?) =
                (stored["lead_credit"], stored["lead_text"], stored["body_html"])
            guard let html else {
                try insertBlocks.execute(arguments: [row.id])
                indexed += 1
                continue
            }
            var words = row.words
            if words == nil || html != row.html || leadCredit != row.leadCredit || leadText != row.leadText {
                words = converter.searchableText(leadCredit, leadText, html)
            }
            try insert.execute(arguments: [row.id, stored["title"] as String, words])
            indexed += 1
        }
        try db.execute(sql: "UPDATE \(tableName) SET indexed_through = ?", arguments: [lastID])
        if try isEmpty(db) { try db.execute(sql: "UPDATE \(tableName) SET rebuilding = 0 WHERE rebuilding") }
        return indexed
    }

    /// The articles one write inserts, indexed before it commits when the
    /// write indexes at once (`SearchIndexing.now`) and nothing older waits:
    /// a small write never takes on an import's backlog.
    struct Inserted {
        /// The watermark the new rows follow; nil when they wait for the
        /// background indexer instead.
        private let through: Int64?
        private var rows: [Row] = []

        /// Call at the start of the write's transaction.
        init(_ indexing: SearchIndexing, in db: Database) throws {
            through = try indexing == .now && isEmpty(db) ? indexedThrough(db) : nil
        }

        mutating func add(_ row: @autoclosure () -> Row) {
            if through != nil { rows.append(row()) }
        }

        /// Indexes the rows added; call it last in the transaction.
        func index(with converter: ContentConverter, in db: Database) throws {
            guard let through, let last = rows.last?.id else { return }
            _ = try SearchBacklog.write(rows, after: through, through: last, with: converter, in: db)
        }
    }
}
