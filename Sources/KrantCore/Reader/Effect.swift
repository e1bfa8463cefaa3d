/// Work that `update` asks the runtime to do. Effects are values, so tests can
/// check exactly what an action would do to the store or the outside world.
public enum Effect: Hashable, Sendable {
    /// Load `limit` headlines of `query` from `offset`; when `keeping` names an
    /// article, report where it now is (new articles may have arrived above it).
    case loadHeadlines(HeadlineQuery, offset: Int, limit: Int, keeping: Int64?)
    case loadArticle(id: Int64)
    /// Marks rows of the view `in` whose state the screen has just flipped
    /// (so the view's counts move by exactly their number).
    case setRead([Int64], Bool, in: HeadlineQuery)
    case setStarred([Int64], Bool, in: HeadlineQuery)
    /// Mark every article of the view read; `.storeChanged` follows when done.
    case markAllRead(HeadlineQuery)
    case loadCategories
    /// Find the nearest unread article after (or before) `anchor` in `query`;
    /// asked only when the loaded window has none on that side.
    case findUnread(HeadlineQuery, from: ListAnchor, forward: Bool)
    /// Delete articles (the data layer keeps them for `restoreArticles`).
    case deleteArticles([Int64])
    /// Put back articles deleted by `deleteArticles`, exactly as they were.
    case restoreArticles([Int64])
    case openURL(String)
    /// Open an enclosure with the configured player (the browser without one).
    case openEnclosure(String)
    /// Fetch every feed in the background, reporting with `fetchProgress`
    /// and `fetchFinished`.
    case fetchFeeds
    case quit
}
