/// Everything that can happen to the reader: a user command (from the keymap),
/// a key in an open window (menu, help, prompt, question), or a result the
/// runtime brings back from the store. `ReaderState.update(_:)` is the only
/// place where an action changes state.
public enum Action: Hashable, Sendable {
    // Commands of the headline list and the article, bound to keys in `Keymap`.
    case moveDown, moveUp, pageDown, pageUp, goTop, goBottom
    case open
    case toggleFocus
    case nextSection, previousSection, nextCaption, previousCaption
    case showOutline
    case nextUnread, previousUnread
    case toggleRead, markAllRead, toggleUnreadOnly
    case chooseCategory
    case startSearch
    case toggleStar
    case openInBrowser
    case showHelp
    case toggleFullScreen
    case refreshFeeds
    case showLinks, showEnclosures
    /// A digit typed in the reader, adding to the count for the next key.
    case countDigit(Int)
    /// A key without a command while a count is typed: the count goes.
    case clearCount
    /// In the article: back to the list; in the list: quit.
    case quit
    /// Clears the search; in the article: back to the list.
    case cancel
    /// Deletes the selected (or open) article; `undoDelete` right after puts it back.
    case deleteArticle, undoDelete

    // Keys in an open window, each window with its own names.
    case menu(MenuAction)
    case prompt(PromptAction)
    case confirm(Bool)
    /// A click or a turn of the wheel: what is drawn under it decides what
    /// it does (`ReaderState+Mouse.swift`).
    case mouse(MouseEvent)

    // Results and events from the runtime.
    case resized(width: Int, height: Int)
    case headlinesLoaded(HeadlinePage)
    case articleLoaded(Article)
    case categoriesLoaded([CategoryCount], feeds: [FeedCount], all: ChooserEntry, saved: [ChooserEntry] = [])
    /// A background fetch of the feeds: started, progressed, finished.
    case fetchProgress(done: Int, total: Int)
    case fetchFinished(feeds: Int, newArticles: Int, failed: Int)
    case unreadFound(Headline?, index: Int?, forward: Bool)
    case storeChanged
    case failed(String)
    /// Something the reader should know that is not a failure (the search
    /// index is being rebuilt), for the status bar.
    case notice(String)
    /// The store was opened for reading only: said for the whole session.
    case storeReadOnly
    /// SQLite found the store damaged (the store's one line about it): said
    /// for the rest of the session, while the reader goes on showing what
    /// can still be read.
    case storeDamaged(String)
    /// How many marks wait for a sync account's server, and whether the
    /// last sync could not reach it: the status bar says so while offline.
    case syncBacklog(waitingMarks: Int, offline: Bool)
    /// The time, sent by the runtime on every turn of its loop: the
    /// reader's own fetches are due by it (`ReaderState+Refresh.swift`).
    case tick(ReaderTime)
}

extension Action {
    /// Commands come from the user; the rest are results from the runtime,
    /// which an open window must never swallow.
    var isCommand: Bool {
        switch self {
        case .resized, .headlinesLoaded, .articleLoaded, .categoriesLoaded, .unreadFound, .storeChanged, .failed,
             .notice, .fetchProgress, .fetchFinished, .storeReadOnly, .storeDamaged, .tick, .syncBacklog:
            false
        default:
            true
        }
    }
}

/// A window of the current view, with the view's counts, as the store returned it.
public struct HeadlinePage: Hashable, Sendable {
    public var query: HeadlineQuery
    public var offset: Int
    public var rows: [Headline]
    public var total: Int
    public var unread: Int
    /// Where the article the reader had selected is now, when it is still in the view.
    public var selectedIndex: Int?
    /// For a search: how many stored articles the search index has not taken
    /// in yet, so the reader can say the results may grow.
    public var unsearched: Int

    public init(query: HeadlineQuery, offset: Int, rows: [Headline], total: Int, unread: Int,
                selectedIndex: Int? = nil, unsearched: Int = 0) {
        self.query = query
        self.offset = offset
        self.rows = rows
        self.total = total
        self.unread = unread
        self.selectedIndex = selectedIndex
        self.unsearched = unsearched
    }
}
