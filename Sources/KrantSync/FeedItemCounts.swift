import KrantStore

/// What a fetch or import did with one feed's items, summed over the
/// batches it was written in. Counts, not ids: a feed of two million items
/// would otherwise keep 16 MB of ids for a summary line.
public struct FeedItemCounts: Sendable, Hashable {
    /// Items stored for the first time.
    public var inserted = 0
    /// Items already stored whose content changed; rewritten in place.
    public var updated = 0
    /// Items already stored exactly as fetched; not written at all.
    public var unchanged = 0
    /// Items an `[[ignore]]` rule kept out of the store.
    public var ignored = 0
    /// The titles of the first few new items (at most
    /// `FeedItemCounts.titlesKept`), for a notification.
    public var newTitles: [String] = []
    static let titlesKept = 3

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    mutating func add(_ report: FeedUpsertReport) {
        inserted += report.inserted.count
        updated += report.updated
        unchanged += report.unchanged
    }
}
