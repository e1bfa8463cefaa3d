/// A subscription as `subscription/list` gives it; text is sanitised.
public struct GoogleReaderSubscription: Sendable, Hashable {
    /// "feed/12" on FreshRSS, "feed/https://…" on others.
    public var streamID: String
    public var url: String
    public var title: String?
    /// The first folder label, e.g. "News" for "user/-/label/News".
    public var folder: String?
    public var siteURL: String?

    public init(streamID: String, url: String, title: String? = nil, folder: String? = nil, siteURL: String? = nil) {
        self.streamID = streamID
        self.url = url
        self.title = title
        self.folder = folder
        self.siteURL = siteURL
    }
}
