/// Articles krant fetched itself that a sync may match to the server's
/// items, by feed and link: looked up once per feed and kept for the
/// whole sync, not once per page (a first sync of 100 feeds in 100 pages
/// spent most of its time asking again).
public final class UnlinkedArticles: @unchecked Sendable {
    var byFeed: [Int64: [String: Int64]] = [:]

    public init() {}
}
