/// Where an article came from: a saved text file or a feed item.
public enum ArticleOrigin: Hashable, Sendable {
    case file(path: String)
    case feed(url: String, guid: String)
}

/// A news article, whatever its source: the one model that the store, the
/// command line and the reader share.
public struct Article: Hashable, Sendable {
    /// Store id; `nil` until the article has been stored.
    public var id: Int64?
    public var source: String?
    /// The news section (Binnenland, Sport, ...), when known.
    public var category: String?
    public var title: String
    public var published: PublishedDate?
    /// The original relative or absolute time text, e.g. "vandaag, 11:29".
    public var when: String?
    public var url: String?
    public var leadCaption: Caption?
    public var blocks: [Block]
    /// Link targets, numbered from 1: the text shows a link as `[n]` after
    /// its words and the reader lists the targets at the end, so no URL is
    /// ever hidden behind text.
    public var links: [String]
    /// The words each link stood on, beside `links` (same numbering; `""`
    /// for a link shown as its bare URL), so the reader's list of links can
    /// say what each one is. Made with the links from the HTML body and not
    /// stored: empty for an article whose links came from elsewhere.
    public var linkTexts: [String] = []
    /// A feed item's body while it is still HTML: set between parsing and
    /// storing, and in the store, so an import does not lay out 50,000 bodies
    /// nobody has opened yet. `blocks`, `links` and a lead caption from the
    /// body are made from it when the article is read (KrantFeeds'
    /// `HTMLBody.resolve`), which also clears it.
    public var bodyHTML: String?
    /// The base of the body's relative links when the feed set one with
    /// `xml:base`; nil means `url` (or the feed's URL) is the base.
    public var bodyBase: String?
    /// Who wrote it, as the feed names them ("Jan Jansen, Marie Curie").
    public var author: String?
    /// Files it comes with (podcast audio, video, photos), listed after the text.
    public var enclosures: [Enclosure]
    public var isRead: Bool
    public var isStarred: Bool
    public var origin: ArticleOrigin?

    public init(id: Int64? = nil, source: String? = nil, category: String? = nil, title: String,
                published: PublishedDate? = nil, when: String? = nil, url: String? = nil,
                leadCaption: Caption? = nil, blocks: [Block] = [], links: [String] = [], bodyHTML: String? = nil,
                bodyBase: String? = nil, author: String? = nil, enclosures: [Enclosure] = [], isRead: Bool = false, isStarred: Bool = false, origin: ArticleOrigin? = nil) {
        self.id = id
        self.source = source
        self.category = category
        self.title = title
        self.published = published
        self.when = when
        self.url = url
        self.leadCaption = leadCaption
        self.blocks = blocks
        self.links = links
        self.bodyHTML = bodyHTML
        self.bodyBase = bodyBase
        self.author = author
        self.enclosures = enclosures
        self.isRead = isRead
        self.isStarred = isStarred
        self.origin = origin
    }

    /// What the body's relative links are read against: its `xml:base`,
    /// else the page the article links to (where the body was published),
    /// else its feed. One rule for laying out a body at once and from the store.
    public func bodyLinkBase(feedURL: String?) -> String? {
        bodyBase ?? url ?? feedURL
    }

    /// Title and body as one plain text, for the search index.
    public var searchableBody: String {
        var parts: [String] = []
        if let leadCaption { parts.append(leadCaption.text) }
        parts.append(contentsOf: blocks.map(\.plainText))
        return parts.joined(separator: "\n")
    }
}

/// One row of the headline list: what a list needs, without the body.
public struct Headline: Hashable, Sendable {
    public var id: Int64
    public var title: String
    public var source: String?
    public var category: String?
    public var published: PublishedDate?
    public var when: String?
    public var isRead: Bool
    public var isStarred: Bool

    public init(id: Int64, title: String, source: String? = nil, category: String? = nil,
                published: PublishedDate? = nil, when: String? = nil, isRead: Bool = false,
                isStarred: Bool = false) {
        self.id = id
        self.title = title
        self.source = source
        self.category = category
        self.published = published
        self.when = when
        self.isRead = isRead
        self.isStarred = isStarred
    }
}
