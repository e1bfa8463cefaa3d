/// One view the category chooser offers: every article, a category or a
/// feed, with its counts.
public struct ChooserEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case all
        case category(String)
        case feed(id: Int64, title: String)
        /// A saved query (`[[queries]]`) and the view it shows.
        case saved(name: String, query: HeadlineQuery)
    }

    public var kind: Kind
    public var total: Int
    public var unread: Int

    public init(kind: Kind, total: Int, unread: Int) {
        self.kind = kind
        self.total = total
        self.unread = unread
    }

    /// The name the chooser shows: a category's or feed's own, or the
    /// interface's word for every article.
    public func label(in language: Language) -> String {
        switch kind {
        case .all: UIText(language).allEntry
        case .category(let name): name
        case .feed(_, let title): title
        case .saved(let name, _): name
        }
    }

    /// Whether `query` is this entry's view (whatever else it filters).
    func isShown(by query: HeadlineQuery) -> Bool {
        switch kind {
        case .all: query.category == nil && query.feedID == nil
        case .category(let name): query.category == name
        case .feed(let id, _): query.feedID == id
        case .saved(_, let saved): query == saved
        }
    }
}

/// The chooser of categories and feeds; the first entry is every article.
public typealias CategoryMenu = Menu<ChooserEntry>
