/// One subscription in an OPML file: the feed, its title, and the folder it sits in.
public struct OPMLOutline: Sendable, Hashable {
    public var title: String?
    public var xmlURL: String
    /// The innermost folder outline around the feed, or its `category` attribute.
    public var category: String?

    public init(title: String? = nil, xmlURL: String, category: String? = nil) {
        self.title = title
        self.xmlURL = xmlURL
        self.category = category
    }
}
