/// A config file `[[ignore]]` rule: feed items it matches are not stored at
/// fetch time. Every field the rule has must match; `title` and `author`
/// are searches in the search syntax (`"sponsored OR advertorial"`), over
/// that one field's words.
public struct IgnoreRule: Hashable, Sendable {
    public var title: String?
    public var author: String?
    /// A feed's address or title.
    public var feed: String?
    public var category: String?

    public init(title: String? = nil, author: String? = nil, feed: String? = nil, category: String? = nil) {
        self.title = title
        self.author = author
        self.feed = feed
        self.category = category
    }

    public var isEmpty: Bool { title == nil && author == nil && feed == nil && category == nil }

    /// Whether the rule ignores `article`, from the feed with this address
    /// and title. `fold` takes case and accents off (the store's folding).
    public func matches(_ article: Article, feedURL: String?, feedTitle: String?,
                        fold: (String) -> String) -> Bool {
        guard !isEmpty else { return false }
        if let feed, feed != feedURL, feed != feedTitle { return false }
        if let category, category != article.category { return false }
        if let title, !Self.words(title, match: article.title, fold: fold) { return false }
        if let author, !Self.words(author, match: article.author ?? "", fold: fold) { return false }
        return true
    }

    private static func words(_ search: String, match text: String, fold: (String) -> String) -> Bool {
        guard let query = try? SearchParser.parse(search) else { return false }
        return query.folded(by: fold).matches(title: SearchWords.of(fold(text)), body: [])
    }
}
