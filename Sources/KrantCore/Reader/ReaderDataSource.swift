/// What the reader needs from a store. The store implements it; the reader's
/// tests use an in-memory source that a contract test holds to the store's
/// answers (same calls, same results).
///
/// Positions are counted in list order (newest first). Every call is meant to
/// cost what it returns or the distance it walks, never the size of the view,
/// except `counts`, which `ReaderSourceCache` caches. Sendable: marks are
/// written from the writer's thread.
public protocol ReaderDataSource: Sendable {
    /// `limit` headlines from position `offset`, counted from the top.
    func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline]
    /// The `limit` headlines that end `fromEnd` rows above the bottom, in list
    /// order: a window near the bottom costs what lies below it.
    func headlines(_ query: HeadlineQuery, fromEnd: Int, limit: Int) throws -> [Headline]
    /// Headlines on one side of `anchor` (see `ListAnchor`): forward, the anchor
    /// itself and the rows after it; backward, the rows before it. The `skip`
    /// rows nearest the anchor are passed over; the result is in list order.
    /// Nil when the anchor article no longer exists.
    func headlines(_ query: HeadlineQuery, from anchor: Int64, forward: Bool, skip: Int, limit: Int) throws
        -> [Headline]?
    func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int)
    /// How many rows of the view come before the article (after it, `fromEnd`),
    /// or nil when it is not in the view. Counting from the nearer end halves
    /// the worst case.
    func position(of id: Int64, in query: HeadlineQuery, fromEnd: Bool) throws -> Int?
    /// The nearest unread article strictly after (forward) or before `anchor`,
    /// with its distance: positions from the anchor's split (see `ListAnchor`),
    /// so its index is `anchor.index + distance` forward, `- distance` backward.
    /// Costs the gap, not the position.
    func nearestUnread(to anchor: Int64, in query: HeadlineQuery, forward: Bool) throws
        -> (headline: Headline, distance: Int)?
    /// The whole article, for the pane.
    func article(id: Int64) throws -> Article?
    /// Returns the ids that do not exist.
    @discardableResult func setRead(_ ids: [Int64], _ read: Bool) throws -> [Int64]
    @discardableResult func setStarred(_ ids: [Int64], _ starred: Bool) throws -> [Int64]
    /// Returns how many articles changed.
    @discardableResult func markAllRead(_ query: HeadlineQuery) throws -> Int
    /// What a delete keeps so the articles can be put back exactly.
    associatedtype Deleted: Sendable
    /// Deletes the articles (ids that do not exist are passed over) and
    /// returns them as they were.
    func delete(_ ids: [Int64]) throws -> Deleted
    /// Puts deleted articles back as they were (same ids, marks, text and
    /// search words); returns the ids put back.
    @discardableResult func restore(_ deleted: Deleted) throws -> [Int64]
    func categories() throws -> [CategoryCount]
    func feedCounts() throws -> [FeedCount]
    /// How many articles search cannot find yet because the index is still
    /// catching up with an import.
    func searchBacklog() throws -> Int
    /// One line for the status bar about an error this source threw: the
    /// reason in words, never the statement it was running.
    func describe(_ error: any Error) -> String
}

extension ReaderDataSource {
    public func describe(_ error: any Error) -> String { "\(error)" }
}
