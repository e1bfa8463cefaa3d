/// A key bound to a named action, with the text the help screen shows.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String

    public init(_ keys: [Key], _ action: Action, _ help: String) {
        self.keys = keys
        self.action = action
        self.help = help
    }
}

/// Every key of the reader in one table (as newsraft does): the reader looks
/// keys up here and the help screen is drawn from it, so the two cannot drift.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .moveDown, "next headline; in the article: scroll down"),
        KeyBinding([.character("k"), .up], .moveUp, "previous headline; in the article: scroll up"),
        KeyBinding([.character(" "), .pageDown], .pageDown, "page down"),
        KeyBinding([.character("b"), .pageUp], .pageUp, "page up"),
        KeyBinding([.character("g"), .home], .goTop, "first headline / top of the article"),
        KeyBinding([.character("G"), .end], .goBottom, "last headline / end of the article"),
        KeyBinding([.enter], .open, "open the selected article (marks it read)"),
        KeyBinding([.tab], .toggleFocus, "switch between headlines and article"),
        KeyBinding([.character("]")], .nextSection, "next section heading"),
        KeyBinding([.character("[")], .previousSection, "previous section heading"),
        KeyBinding([.character("}")], .nextCaption, "next photo caption"),
        KeyBinding([.character("{")], .previousCaption, "previous photo caption"),
        KeyBinding([.character("o")], .showOutline, "outline: sections and captions"),
        KeyBinding([.character("n")], .nextUnread, "next unread article"),
        KeyBinding([.character("N")], .previousUnread, "previous unread article"),
        KeyBinding([.character("r")], .toggleRead, "mark read / unread"),
        KeyBinding([.character("A")], .markAllRead, "mark every article in this view read"),
        KeyBinding([.character("u")], .toggleUnreadOnly, "show only unread / show all"),
        KeyBinding([.character("c")], .chooseCategory, "choose a category or feed"),
        KeyBinding([.character("R")], .refreshFeeds, "fetch every feed (in the background)"),
        KeyBinding([.character("/")], .startSearch, "search titles and text"),
        KeyBinding([.character("s")], .toggleStar, "star / unstar"),
        KeyBinding([.character("O")], .openInBrowser, "open the article's link in the browser"),
        KeyBinding([.character("z")], .toggleFullScreen, "article full screen / split"),
        KeyBinding([.character("?")], .showHelp, "this help"),
        KeyBinding([.escape], .cancel, "close a window; clear the search"),
        KeyBinding([.character("q")], .quit, "in the article: back to the list; in the list: quit"),
    ]

    private static let table: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys { table[key] = binding.action }
        }
        return table
    }()

    /// The action a key means in the reader's current situation: prompts take
    /// text, a confirmation takes y/n, everything else goes through the table.
    public static func action(for key: Key, in state: ReaderState) -> Action? {
        switch state.overlay {
        case .search:
            switch key {
            case .escape: return .cancel
            case .enter: return .open
            case .backspace, .delete: return .deleteBackward
            case .character(let character): return .input(character)
            default: return nil
            }
        case .confirmMarkAll:
            switch key {
            case .character("y"), .character("Y"), .enter: return .confirm(true)
            case .character("n"), .character("N"), .character("q"), .escape: return .confirm(false)
            default: return nil
            }
        default:
            return table[key]
        }
    }
}
