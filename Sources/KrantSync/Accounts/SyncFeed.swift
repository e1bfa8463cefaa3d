/// A subscription's local feed, as its items need it.
struct SyncFeed: Sendable {
    var id: Int64
    var url: String
    var title: String?
    var category: String?
}
