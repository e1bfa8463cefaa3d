/// The commands of the headline list and the article, each with the stable
/// name a config file's `[keys]` uses and its standard keys.
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
    case showLinks = "links"
    case showEnclosures = "enclosures"
    case cancel
    case quit
    case deleteArticle = "delete"
    case undoDelete = "undo"

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
        case .showLinks: .showLinks
        case .showEnclosures: .showEnclosures
        case .cancel: .cancel
        case .quit: .quit
        case .deleteArticle: .deleteArticle
        case .undoDelete: .undoDelete
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
        case .showLinks: [.character("l")]
        case .showEnclosures: [.character("e")]
        case .cancel: [.escape]
        case .quit: [.character("q")]
        case .deleteArticle: [.character("D")]
        case .undoDelete: [.character("U")]
        }
    }

    /// What the help screen says the command does, in English, as a config
    /// file's comments write it (`UIText.help(_:)` has every language).
    public var help: String { UIText(.english).help(self) }

    var defaultBinding: KeyBinding {
        KeyBinding(.reader, defaultKeys, action, name: name)
    }
}
