/// A subscription as a sync server lists it (Google Reader API
/// `subscription/list`), text sanitised: what the client reads and the
/// store applies.
public struct RemoteSubscription: Sendable, Hashable {
    /// The server's id for the feed's stream: "feed/12" on FreshRSS,
    /// "feed/https://…" on others.
    public var streamID: String
    public var url: String
    public var title: String?
    /// The first folder (label) the feed is in, e.g. "News" for
    /// "user/-/label/News"; nil for none.
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
