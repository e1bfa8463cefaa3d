/// The commands of the headline list and the article, each with the stable
/// name a config file's `[keys]` uses, its standard keys and its help line.
/// The order is the help screen's.
public enum ReaderCommand: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case goTop = "go-top"
    case goBottom = "go-bottom"
    case open
    case toggleFocus = "toggle-focus"
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case nextCaption = "next-caption"
    case previousCaption = "previous-caption"
    case showOutline = "outline"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case toggleRead = "toggle-read"
    case markAllRead = "mark-all-read"
    case toggleUnreadOnly = "toggle-unread-only"
    case chooseCategory = "choose-view"
    case refreshFeeds = "refresh"
    case startSearch = "search"
    case toggleStar = "toggle-star"
    case openInBrowser = "open-in-browser"
    case toggleFullScreen = "toggle-full-screen"
    case showHelp = "help"
    case cancel
    case quit

    public var name: String { rawValue }

    public init?(name: String) {
        self.init(rawValue: name)
    }

    public var action: Action {
        switch self {
        case .moveDown: .moveDown
        case .moveUp: .moveUp
        case .pageDown: .pageDown
        case .pageUp: .pageUp
        case .goTop: .goTop
        case .goBottom: .goBottom
        case .open: .open
        case .toggleFocus: .toggleFocus
        case .nextSection: .nextSection
        case .previousSection: .previousSection
        case .nextCaption: .nextCaption
        case .previousCaption: .previousCaption
        case .showOutline: .showOutline
        case .nextUnread: .nextUnread
        case .previousUnread: .previousUnread
        case .toggleRead: .toggleRead
        case .markAllRead: .markAllRead
        case .toggleUnreadOnly: .toggleUnreadOnly
        case .chooseCategory: .chooseCategory
        case .refreshFeeds: .refreshFeeds
        case .startSearch: .startSearch
        case .toggleStar: .toggleStar
        case .openInBrowser: .openInBrowser
        case .toggleFullScreen: .toggleFullScreen
        case .showHelp: .showHelp
        case .cancel: .cancel
        case .quit: .quit
        }
    }

    public var defaultKeys: [Key] {
        switch self {
        case .moveDown: [.character("j"), .down]
        case .moveUp: [.character("k"), .up]
        case .pageDown: [.character(" "), .pageDown]
        case .pageUp: [.character("b"), .pageUp]
        case .goTop: [.character("g"), .home]
        case .goBottom: [.character("G"), .end]
        case .open: [.enter]
        case .toggleFocus: [.tab]
        case .nextSection: [.character("]")]
        case .previousSection: [.character("[")]
        case .nextCaption: [.character("}")]
        case .previousCaption: [.character("{")]
        case .showOutline: [.character("o")]
        case .nextUnread: [.character("n")]
        case .previousUnread: [.character("N")]
        case .toggleRead: [.character("r")]
        case .markAllRead: [.character("A")]
        case .toggleUnreadOnly: [.character("u")]
        case .chooseCategory: [.character("c")]
        case .refreshFeeds: [.character("R")]
        case .startSearch: [.character("/")]
        case .toggleStar: [.character("s")]
        case .openInBrowser: [.character("O")]
        case .toggleFullScreen: [.character("z")]
        case .showHelp: [.character("?")]
        case .cancel: [.escape]
        case .quit: [.character("q")]
        }
    }

    /// What the help screen says the command does, in English (`UIText`
    /// gives it in the interface's language).
    public var help: String {
        switch self {
        case .moveDown: "next headline; in the article: scroll down"
        case .moveUp: "previous headline; in the article: scroll up"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .goTop: "first headline / top of the article"
        case .goBottom: "last headline / end of the article"
        case .open: "open the selected article (marks it read)"
        case .toggleFocus: "switch between headlines and article"
        case .nextSection: "next section heading"
        case .previousSection: "previous section heading"
        case .nextCaption: "next photo caption"
        case .previousCaption: "previous photo caption"
        case .showOutline: "outline: sections and captions"
        case .nextUnread: "next unread article"
        case .previousUnread: "previous unread article"
        case .toggleRead: "mark read / unread"
        case .markAllRead: "mark every article in this view read"
        case .toggleUnreadOnly: "show only unread / show all"
        case .chooseCategory: "choose a category or feed"
        case .refreshFeeds: "fetch every feed (in the background)"
        case .startSearch: "search titles and text"
        case .toggleStar: "star / unstar"
        case .openInBrowser: "open the article's link in the browser"
        case .toggleFullScreen: "article full screen / split"
        case .showHelp: "this help"
        case .cancel: "close a window; clear the search"
        case .quit: "in the article: back to the list; in the list: quit"
        }
    }

    var defaultBinding: KeyBinding {
        KeyBinding(.reader, defaultKeys, action, help, name: name)
    }
}
