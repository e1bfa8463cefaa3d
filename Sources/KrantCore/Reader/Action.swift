/// Everything that can happen to the reader: a user command (from the keymap),
/// typing into a prompt, or a result the runtime brings back from the store.
/// `ReaderState.update(_:)` is the only place where an action changes state.
public enum Action: Hashable, Sendable {
    // Commands, bound to keys in `Keymap`.
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
    case quit
    case cancel

    // Prompt input.
    case input(Character)
    case deleteBackward
    case confirm(Bool)

    // Results and events from the runtime.
    case resized(width: Int, height: Int)
    case headlinesLoaded(HeadlinePage)
    case articleLoaded(Article)
    case categoriesLoaded([CategoryCount], feeds: [FeedCount], all: CategoryCount)
    /// A background fetch of the feeds: started, progressed, finished.
    case fetchProgress(done: Int, total: Int)
    case fetchFinished(feeds: Int, newArticles: Int, failed: Int)
    case unreadFound(Headline?, index: Int?, forward: Bool)
    case storeChanged
    case failed(String)
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
