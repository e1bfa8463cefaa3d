/// What the reader needs from a store. The store implements it; tests use an
/// in-memory source, so the reader's behaviour is tested without SQLite.
public protocol ReaderDataSource {
    func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline]
    func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int)
    /// The position of an article in a view, or nil when it is not in it.
    func position(of id: Int64, in query: HeadlineQuery) throws -> Int?
    /// The position of the nearest unread article after (forward) or before `index`.
    func unreadPosition(from index: Int, in query: HeadlineQuery, forward: Bool) throws -> Int?
    func article(id: Int64) throws -> Article?
    /// Returns the ids that do not exist.
    @discardableResult func setRead(_ ids: [Int64], _ read: Bool) throws -> [Int64]
    @discardableResult func setStarred(_ ids: [Int64], _ starred: Bool) throws -> [Int64]
    /// Returns how many articles changed.
    @discardableResult func markAllRead(_ query: HeadlineQuery) throws -> Int
    func categories() throws -> [CategoryCount]
    func feedCounts() throws -> [FeedCount]
}
