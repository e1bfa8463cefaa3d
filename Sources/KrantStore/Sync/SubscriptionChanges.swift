/// What applying the server's subscription list changed in the store.
public struct SubscriptionChanges: Sendable, Equatable {
    public var added = 0
    public var removed = 0
    /// Renamed or moved on the server.
    public var changed = 0
    /// The local feed of each of the server's streams.
    public var feedIDs: [String: Int64] = [:]

    public init() {}
}
