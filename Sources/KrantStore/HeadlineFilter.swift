import GRDB
import KrantCore

/// Turns a `HeadlineQuery` into SQL on `articles`, shared by lists, counts and
/// mark-all-read so the three always agree on what a view contains.
enum HeadlineFilter {
    /// How SQLite is to find a search view's rows (see `SearchPlan`):
    /// its own choice, walking the view's date index, or looking the hits
    /// up by id.
    enum SearchAccess {
        case automatic, walkingListOrder, lookingUpHits
    }

    static func request(_ query: HeadlineQuery, access: SearchAccess = .automatic) -> QueryInterfaceRequest<ArticleRecord> {
        typealias Columns = ArticleRecord.Columns
        var request = ArticleRecord.all()
        // `== 0` / `== 1`, not `== false`: GRDB writes `NOT is_read` for the
        // latter, which SQLite cannot answer from the is_read index.
        if query.unreadOnly {
            let searchLooksUp = access == .lookingUpHits
                && query.search.flatMap(SearchCondition.positiveMatch(_:)) != nil
            if query.category == nil && query.feedID == nil && !query.starredOnly && !searchLooksUp {
                request = request.filter(Columns.isRead == 0)
            } else {
                // Unary plus keeps SQLite from choosing the is_read index, which
                // would visit every unread article to find the few in one
                // category, feed or starred, or among a search's hits; the
                // category and feed indexes carry is_read, the starred index
                // is small and the hits are looked up by id, so each serves
                // the view alone.
                request = request.filter(sql: "+is_read = 0")
            }
        }
        if query.starredOnly { request = request.filter(Columns.isStarred == 1) }
        if let category = query.category { request = request.filter(Columns.category == category) }
        if let feedID = query.feedID { request = request.filter(Columns.feedID == feedID) }
        if let feedName = query.feedName {
            request = request.filter(sql: "feed_id IN (SELECT id FROM feeds WHERE url = ? OR title = ?)",
                                     arguments: [feedName, feedName])
        }
        if let seconds = query.maxAgeSeconds {
            // Sort keys are the article's own local time and SQLite's now is
            // UTC: an age in days may be off by the hours between them.
            request = request.filter(sql: "published_sort >= strftime('%Y-%m-%dT%H:%M', 'now', ?)",
                                     arguments: ["-\(seconds) seconds"])
        }
        if let search = query.search, !search.isEmpty {
            request = request.filter(SearchCondition.filter(search, walkingListOrder: access == .walkingListOrder))
        }
        return request
    }
}
