import GRDB
import KrantCore

/// How a search view is read and counted, so a search costs little at any
/// store size.
///
/// The index hands a search's hits over in id order, and a view is shown
/// newest first. Looking every hit up in `articles` (a 16 KB page each) and
/// sorting them costs about 9 µs a hit: 90 ms for a word in 1 % of a
/// million articles, for every window of the list and again for its counts.
///
/// Two cheaper ways, each taken only where it is cheaper:
/// - a window of a plain search (optionally unread only) may walk the
///   view's own date index and keep the rows that are hits, stopping when
///   the window is full: about 0.7 µs a row walked, so 4 ms for the top of
///   that search. Where the hits lie is not known (news words come in
///   bursts, and the newest articles may wait for the index), so the walk
///   is first tried on at most as many rows as looking the hits up would
///   cost; when those rows do not fill the window, the hits are looked up.
///   Either way a window costs at most about twice the cheaper plan.
/// - its counts come from the index (the hits) and `article_counts` (the
///   store's unread): when every article is read or every one unread the
///   answer is known, otherwise the smaller side of the is_read index is
///   walked, or the hits looked up, whichever is less work.
enum SearchPlan {
    /// A walked row costs about a twelfth of a looked-up hit (measured at
    /// 1,000,000 articles).
    static let lookupCostInRows = 12

    /// A window's access: the walk, or else the hits looked up (SQLite's
    /// own choice walks the whole is_read index for an unread-only search).
    static func access(_ walking: Bool) -> HeadlineFilter.SearchAccess {
        walking ? .walkingListOrder : .lookingUpHits
    }

    /// A window's order and bounds, put on a request of its view.
    typealias Shape = (QueryInterfaceRequest<ArticleRecord>) -> QueryInterfaceRequest<ArticleRecord>

    /// A plain search's counts, or nil when the view has more than a
    /// search and the unread switch, or a search the index cannot answer
    /// alone (excluded words, phrases).
    static func counts(_ query: HeadlineQuery, in db: Database) throws -> (total: Int, unread: Int)? {
        guard let figures = try figures(query, in: db) else { return nil }
        let unread = try unreadHits(figures, in: db)
        return (query.unreadOnly ? unread : figures.hits, unread)
    }

    /// Whether `rows` rows of `query`'s view (a window's offset and length)
    /// are read walking the view's date index rather than looking up every
    /// hit. `shape` puts the window's own order and bounds (a keyset, the
    /// end it is read from) on a request, without its limit and offset; the
    /// walk is tried on it first. Any failure here only means no walk: the
    /// window itself then reads, or reports, what is there.
    static func walksListOrder(_ query: HeadlineQuery, rows: Int, in db: Database, shape: Shape) -> Bool {
        guard let figures = try? figures(query, in: db), figures.hits > 0, rows > 0 else { return false }
        // The view's size and its hits, supposing the hits spread evenly
        // over read and unread (an estimate: only the trial below decides).
        let view = query.unreadOnly ? figures.storeUnread : figures.storeTotal
        let found = query.unreadOnly ? figures.hits * figures.storeUnread / max(1, figures.storeTotal) : figures.hits
        let budget = lookupCostInRows * figures.hits
        guard found > 0, Double(rows) * Double(view) / Double(found) < Double(budget) else { return false }
        guard view > budget else { return true }
        var plain = query
        plain.search = nil
        let walked = shape(HeadlineFilter.request(plain)).select(ArticleRecord.Columns.id).limit(budget)
        guard let statement = try? walked.makePreparedRequest(db).statement else { return false }
        var arguments = statement.arguments
        arguments += [figures.match]
        let hitsWalked = try? Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM (\(statement.sql)) WHERE id IN (\(hitIDs)) LIMIT \(rows))
            """, arguments: arguments)
        return (hitsWalked ?? 0) >= rows
    }

    private struct Figures {
        var match: String
        var hits: Int
        var storeTotal: Int
        var storeUnread: Int
    }

    /// The index's hits and the store's counts, for a plain search only.
    private static func figures(_ query: HeadlineQuery, in db: Database) throws -> Figures? {
        guard let text = query.search, query == HeadlineQuery(unreadOnly: query.unreadOnly, search: text),
              let match = SearchCondition.wholeMatch(text),
              let store = try ArticleCounts.counts(HeadlineQuery(), in: db) else { return nil }
        let hits = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(table) MATCH ?",
                                    arguments: [match]) ?? 0
        return Figures(match: match, hits: hits, storeTotal: store.total, storeUnread: store.unread)
    }

    /// How many hits are unread, the cheapest way the counts allow.
    private static func unreadHits(_ figures: Figures, in db: Database) throws -> Int {
        let (hits, unread, read) = (figures.hits, figures.storeUnread, figures.storeTotal - figures.storeUnread)
        if hits == 0 || unread == 0 { return 0 }
        if read == 0 { return hits }
        if min(unread, read) < lookupCostInRows * hits {
            // The is_read index covers this: each of its rows on the smaller
            // side is tested against the hits.
            let side = unread <= read ? 0 : 1
            let found = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM articles WHERE is_read = ? AND +id IN (\(hitIDs))
                """, arguments: [side, figures.match]) ?? 0
            return side == 0 ? found : hits - found
        }
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM articles WHERE id IN (\(hitIDs)) AND +is_read = 0
            """, arguments: [figures.match]) ?? 0
    }

    private static let table = ArticleSearch.tableName
    private static let hitIDs = "SELECT rowid FROM \(table) WHERE \(table) MATCH ?"
}
