/// A key bound to a named action in one situation, with the text the help
/// screen shows.
public struct KeyBinding: Hashable, Sendable {
    public var situation: KeySituation
    public var keys: [Key]
    public var action: Action
    public var help: String

    public init(_ situation: KeySituation, _ keys: [Key], _ action: Action, _ help: String) {
        self.situation = situation
        self.keys = keys
        self.action = action
        self.help = help
    }
}

/// Every key of the reader in one table (as newsraft does): the reader looks
/// keys up here and the help screen is drawn from it, so the two cannot drift.
public enum Keymap {
    public static let bindings: [KeyBinding] = reader + menu(.help, closedBy: [.character("?")])
        + menu(.outline, closedBy: [.character("o")]) + menu(.chooser, closedBy: [.character("c")])
        + searchPrompt + confirmation

    /// The list and the article: the keys the help screen lists.
    private static let reader: [KeyBinding] = [
        KeyBinding(.reader, [.character("j"), .down], .moveDown, "next headline; in the article: scroll down"),
        KeyBinding(.reader, [.character("k"), .up], .moveUp, "previous headline; in the article: scroll up"),
        KeyBinding(.reader, [.character(" "), .pageDown], .pageDown, "page down"),
        KeyBinding(.reader, [.character("b"), .pageUp], .pageUp, "page up"),
        KeyBinding(.reader, [.character("g"), .home], .goTop, "first headline / top of the article"),
        KeyBinding(.reader, [.character("G"), .end], .goBottom, "last headline / end of the article"),
        KeyBinding(.reader, [.enter], .open, "open the selected article (marks it read)"),
        KeyBinding(.reader, [.tab], .toggleFocus, "switch between headlines and article"),
        KeyBinding(.reader, [.character("]")], .nextSection, "next section heading"),
        KeyBinding(.reader, [.character("[")], .previousSection, "previous section heading"),
        KeyBinding(.reader, [.character("}")], .nextCaption, "next photo caption"),
        KeyBinding(.reader, [.character("{")], .previousCaption, "previous photo caption"),
        KeyBinding(.reader, [.character("o")], .showOutline, "outline: sections and captions"),
        KeyBinding(.reader, [.character("n")], .nextUnread, "next unread article"),
        KeyBinding(.reader, [.character("N")], .previousUnread, "previous unread article"),
        KeyBinding(.reader, [.character("r")], .toggleRead, "mark read / unread"),
        KeyBinding(.reader, [.character("A")], .markAllRead, "mark every article in this view read"),
        KeyBinding(.reader, [.character("u")], .toggleUnreadOnly, "show only unread / show all"),
        KeyBinding(.reader, [.character("c")], .chooseCategory, "choose a category or feed"),
        KeyBinding(.reader, [.character("R")], .refreshFeeds, "fetch every feed (in the background)"),
        KeyBinding(.reader, [.character("/")], .startSearch, "search titles and text"),
        KeyBinding(.reader, [.character("s")], .toggleStar, "star / unstar"),
        KeyBinding(.reader, [.character("O")], .openInBrowser, "open the article's link in the browser"),
        KeyBinding(.reader, [.character("z")], .toggleFullScreen, "article full screen / split"),
        KeyBinding(.reader, [.character("?")], .showHelp, "this help"),
        KeyBinding(.reader, [.escape], .cancel, "close a window; clear the search"),
        KeyBinding(.reader, [.character("q")], .quit, "in the article: back to the list; in the list: quit"),
    ]

    /// The keys of a menu (and of help, which scrolls the same way): the
    /// reader's movement keys, Enter to choose, Esc, q or the key that
    /// opened it to close.
    private static func menu(_ situation: KeySituation, closedBy opener: [Key]) -> [KeyBinding] {
        [
            KeyBinding(situation, [.character("j"), .down], .menu(.down), "next entry"),
            KeyBinding(situation, [.character("k"), .up], .menu(.up), "previous entry"),
            KeyBinding(situation, [.character(" "), .pageDown], .menu(.pageDown), "page down"),
            KeyBinding(situation, [.character("b"), .pageUp], .menu(.pageUp), "page up"),
            KeyBinding(situation, [.character("g"), .home], .menu(.top), "first entry"),
            KeyBinding(situation, [.character("G"), .end], .menu(.bottom), "last entry"),
            KeyBinding(situation, [.enter], .menu(.choose), situation == .help ? "close" : "choose"),
            KeyBinding(situation, [.escape, .character("q")] + opener, .menu(.close), "close"),
        ]
    }

    /// Every other character is typed into the prompt (see `action(for:in:)`).
    private static let searchPrompt: [KeyBinding] = [
        KeyBinding(.searchPrompt, [.enter], .prompt(.submit), "search"),
        KeyBinding(.searchPrompt, [.escape], .prompt(.cancel), "close the prompt, keep the search"),
        KeyBinding(.searchPrompt, [.backspace, .delete], .prompt(.deleteBackward), "delete a character"),
    ]

    private static let confirmation: [KeyBinding] = [
        KeyBinding(.confirmation, [.character("y"), .character("Y"), .enter], .confirm(true), "yes"),
        KeyBinding(.confirmation, [.character("n"), .character("N"), .character("q"), .escape], .confirm(false), "no"),
    ]

    public static func bindings(in situation: KeySituation) -> [KeyBinding] {
        bindings.filter { $0.situation == situation }
    }

    private static let table: [KeySituation: [Key: Action]] = {
        var table: [KeySituation: [Key: Action]] = [:]
        for binding in bindings {
            for key in binding.keys { table[binding.situation, default: [:]][key] = binding.action }
        }
        return table
    }()

    /// The action a key means in the reader's current situation; in the
    /// search prompt a character without a binding is typed.
    public static func action(for key: Key, in state: ReaderState) -> Action? {
        action(for: key, in: state.keySituation)
    }

    public static func action(for key: Key, in situation: KeySituation) -> Action? {
        if let action = table[situation]?[key] { return action }
        if situation == .searchPrompt, case .character(let character) = key { return .prompt(.input(character)) }
        return nil
    }
}
