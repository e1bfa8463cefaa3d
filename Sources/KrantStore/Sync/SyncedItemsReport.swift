/// What storing a page of the server's items did.
public struct SyncedItemsReport: Sendable, Equatable {
    /// Ids of the articles added.
    public var inserted: [Int64] = []
    /// Items krant already had from this server.
    public var known = 0
    /// Articles krant had from fetching the feed itself, now matched to
    /// the server's items by their link.
    public var adopted = 0
    /// Items of feeds krant does not subscribe to, or that the user deleted.
    public var skipped = 0

    public init() {}
}
