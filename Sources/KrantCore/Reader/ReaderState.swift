/// All of the reader's state, as one value (the Bubble Tea model). It changes
/// only in `update(_:)`; `ReaderRenderer` draws it.
public struct ReaderState: Sendable {
    public enum Focus: Hashable, Sendable { case list, article }

    /// The window open over the list and article, each with its own state
    /// and its own small update (`ReaderState+Overlays.swift`).
    public enum Overlay: Hashable, Sendable {
        case none
        case help(HelpScreen)
        case outline(OutlineMenu)
        case categories(CategoryMenu)
        case search(SearchPrompt)
        case confirmMarkAll(MarkAllConfirmation)
        case links(LinkMenu)
        case enclosures(EnclosureMenu)
    }

    /// The open article, wrapped for the pane, and the first line shown.
    public struct Reading: Sendable {
        public var article: Article
        public var layout: ArticleLayout
        public var top: Int
    }

    public var width: Int
    public var height: Int
    public var focus = Focus.list
    public var fullScreenArticle = false
    /// The view: all, unread only, a category, a search.
    public var query = HeadlineQuery()
    /// The loaded window of the view; only this part of the store is in memory.
    public var page = HeadlinePage(query: HeadlineQuery(), offset: 0, rows: [], total: 0, unread: 0)
    /// Position of the selected headline in the whole view.
    public var selection = 0
    /// Position of the first headline drawn.
    public var listTop = 0
    public var reading: Reading?
    public var overlay = Overlay.none
    /// One line of feedback in the status bar ("No next section").
    public var message: String?
    public var hasLoaded = false
    /// The title of the feed the view shows (`query.feedID`), for the status bar.
    public var feedTitle: String?
    /// The name of the saved query the view shows, while it shows it.
    public var savedQueryName: String?
    /// "fetching 3/10" while a background fetch runs.
    public var fetchProgress: String?
    /// The store cannot be written: the status bar says "read-only".
    public var storeIsReadOnly = false
    /// The store's line about its damage, once SQLite found it; shown in
    /// the status bar whenever no message is.
    public var storeDamage: String?
    /// Marks waiting for a sync account's server while the last sync could
    /// not reach it; nil when online (or there is no account).
    public var offlineMarks: Int?
    /// The article the last action deleted, while `undoDelete` can still
    /// put it back (until the next action).
    public var undoableDeletion: ReaderDeletion?
    /// Fetching by itself, and what the last fetch brought.
    public var refresh = AutoRefresh()
    /// Digits typed in the reader (`3` before `o` opens link 3); any other
    /// key clears it.
    public var countPrefix: Int?

    /// Keys, language and layout, as the config file set them.
    public var settings: ReaderSettings

    public init(width: Int = 80, height: Int = 24, query: HeadlineQuery = HeadlineQuery(),
                settings: ReaderSettings = ReaderSettings()) {
        self.width = width
        self.height = height
        self.query = query
        self.settings = settings
    }

    public var layout: ScreenLayout {
        ScreenLayout(width: width, height: height, fullScreenArticle: fullScreenArticle && reading != nil,
                     settings: settings.layout)
    }

    public var listHeight: Int { layout.list?.height ?? 0 }
    /// The bindings the help window lists: the keys of the list and article in force.
    public var helpBindings: [KeyBinding] { settings.keymap.bindings(in: .reader) }
    /// Rows of bindings the help window shows, so scrolling stops at the end.
    public var helpVisibleRows: Int { overlayVisibleRows(helpBindings.count) }
    /// Rows a window (`OverlayBox`) of `lines` lines shows: its frame takes
    /// two, the status bar one, and one stays free.
    func overlayVisibleRows(_ lines: Int) -> Int { max(1, min(lines, height - 4)) }
    public var articleHeight: Int { layout.article?.height ?? 0 }

    /// The headline at a position of the view, when it is loaded.
    public func headline(at index: Int) -> Headline? {
        let local = index - page.offset
        guard page.query == query, local >= 0, local < page.rows.count else { return nil }
        return page.rows[local]
    }

    public var selectedHeadline: Headline? { headline(at: selection) }

    /// The heading of the section being read: the last one at or above the top line.
    public var currentSection: String? {
        guard let reading else { return nil }
        var title: String?
        for (index, block) in reading.article.blocks.enumerated() {
            guard case .section(let heading) = block else { continue }
            if reading.layout.blockStartLines[index] <= reading.top { title = heading } else { break }
        }
        return title
    }

    /// How the view is described in the status bar.
    public var viewName: String {
        var parts: [String] = []
        if let savedQueryName {
            parts.append(savedQueryName)
            if query.unreadOnly { parts.append(text.unreadView) }
            return parts.joined(separator: " · ")
        }
        if let search = query.search { parts.append(text.searchView(search)) }
        if let category = query.category { parts.append(category) }
        if query.feedID != nil { parts.append(feedTitle ?? text.feedView) }
        if query.unreadOnly { parts.append(text.unreadView) }
        if query.starredOnly { parts.append(text.starredView) }
        return parts.isEmpty ? text.allView : parts.joined(separator: " · ")
    }
}
