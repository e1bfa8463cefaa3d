/// A subscription as the server lists it.
public struct RemoteSubscription: Sendable, Hashable {
    /// The server's id for the feed's stream, e.g. "feed/12".
    public var streamID: String
    public var url: String
    public var title: String?
    /// The folder (label) the feed is in, nil for none.
    public var category: String?
    public var siteURL: String?

    public init(streamID: String, url: String, title: String? = nil, category: String? = nil, siteURL: String? = nil) {
        self.streamID = streamID
        self.url = url
        self.title = title
        self.category = category
        self.siteURL = siteURL
    }
}

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
