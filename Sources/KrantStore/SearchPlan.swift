import GRDB
import KrantCore

/// How a search view is read and counted, so a search costs little at any
/// store size.
///
/// The index hands a search's hits over in id order, and a view is shown
/// newest first. SQLite's own plan looks every hit up in `articles` (a
/// 16 KB page each) and sorts them: 90 ms for a word in 1 % of a million
/// articles, for every window of the list and again for its counts.
///
/// Two cheaper ways, each chosen only where it is cheaper:
/// - a window of a plain search (optionally unread only) walks the view's
///   own date index and keeps the rows that are hits, stopping when the
///   window is full: about 0.7 µs a row walked against 9 µs a hit looked
///   up, so 4 ms for the top of that search. A rare word would make the
///   walk cross the whole store for a handful of rows; then the hits are
///   looked up as before.
/// - its counts come from the index (the hits) and `article_counts` (the
///   store's unread): when every article is read or every one unread the
///   answer is known, otherwise the smaller side of the is_read index is
///   walked, or the hits looked up, whichever is less work.
enum SearchPlan {
    /// A walked row costs about a twelfth of a looked-up hit (measured at
    /// 1,000,000 articles).
    static let lookupCostInRows = 12

    /// A plain search's counts, or nil when the view has more than a
    /// search and the unread switch, or a search the index cannot answer
    /// alone (excluded words, phrases).
    static func counts(_ query: HeadlineQuery, in db: Database) throws -> (total: Int, unread: Int)? {
        guard let figures = try figures(query, in: db) else { return nil }
        return (query.unreadOnly ? figures.unreadHits : figures.hits, figures.unreadHits)
    }

    /// Whether reading `rows` rows of `query`'s view (a window's offset and
    /// length) is cheaper walking the view's date index than looking up
    /// every hit.
    static func walksListOrder(_ query: HeadlineQuery, rows: Int, in db: Database) throws -> Bool {
        guard let figures = try figures(query, in: db) else { return false }
        let (view, found) = query.unreadOnly ? (figures.storeUnread, figures.unreadHits)
                                             : (figures.storeTotal, figures.hits)
        guard found > 0 else { return false }
        // Rows walked: `rows` hits, one every view/found rows.
        return Double(rows) * Double(view) / Double(found) < Double(lookupCostInRows) * Double(figures.hits)
    }

    private struct Figures {
        var hits: Int
        var unreadHits: Int
        var storeTotal: Int
        var storeUnread: Int
    }

    private static func figures(_ query: HeadlineQuery, in db: Database) throws -> Figures? {
        guard let text = query.search, !query.starredOnly, query.category == nil, query.feedID == nil,
              query.feedName == nil, query.maxAgeSeconds == nil,
              let match = SearchCondition.wholeMatch(text),
              let store = try ArticleCounts.counts(HeadlineQuery(), in: db) else { return nil }
        let hits = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(table) MATCH ?",
                                    arguments: [match]) ?? 0
        let read = store.total - store.unread
        let unreadHits: Int
        if hits == 0 || store.unread == 0 {
            unreadHits = 0
        } else if read == 0 {
            unreadHits = hits
        } else if min(store.unread, read) < lookupCostInRows * hits {
            // The is_read index covers this: each of its rows on the smaller
            // side is tested against the hits.
            let side = store.unread <= read ? 0 : 1
            let found = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM articles WHERE is_read = ? AND +id IN (\(hitIDs))
                """, arguments: [side, match]) ?? 0
            unreadHits = side == 0 ? found : hits - found
        } else {
            unreadHits = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM articles WHERE id IN (\(hitIDs)) AND +is_read = 0
                """, arguments: [match]) ?? 0
        }
        return Figures(hits: hits, unreadHits: unreadHits, storeTotal: store.total, storeUnread: store.unread)
    }

    private static let table = ArticleSearch.tableName
    private static let hitIDs = "SELECT rowid FROM \(table) WHERE \(table) MATCH ?"
}
