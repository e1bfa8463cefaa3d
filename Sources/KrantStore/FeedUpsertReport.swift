/// What `ArticleStore.upsertFeedArticles` did with one fetch's items, so
/// `krant fetch` can say "3 new" and the reader can show the new ids.
public struct FeedUpsertReport: Sendable, Hashable {
    /// Ids of the items stored for the first time, in the order given.
    public var inserted: [Int64]
    /// Items already stored whose content changed; rewritten in place.
    public var updated: Int
    /// Items already stored exactly as fetched; not written at all.
    public var unchanged: Int
    /// Of the inserted items, how many went in read and starred (an import
    /// from another reader brings its marks along).
    public var insertedRead = 0
    public var insertedStarred = 0
    /// Items the user deleted, still listed by the feed: not stored again.
    public var deleted = 0

    public init(inserted: [Int64] = [], updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}
