import KrantCore

/// The names a config file may use, with the line `krant config` writes
/// above each: one list, so the printer and the reader cannot disagree on
/// what exists, and an unknown name gets the nearest real one.
enum ConfigSchema {
    static let topLevel: [(name: String, comment: String)] = [
        ("language", "Interface language, \"en\" or \"nl\" (unset: from LC_ALL, LC_MESSAGES or LANG)."),
        ("theme", "Colours: \"dark\", \"light\" or \"terminal\" (the terminal's own colours). NO_COLOR turns colour off."),
        ("browser", "Opens links: a command as a list of arguments, %u is the link (unset: $BROWSER, then xdg-open)."),
        ("player", "Opens enclosures (audio, video, images): a command as a list of arguments, %u is the link (unset: the browser)."),
        ("mouse", "Click and scroll with the mouse (false keeps the terminal's own text selection)."),
        ("db", "The article store (--db and KRANT_DB override it)."),
        ("refresh_minutes", "The reader fetches every feed this often, in minutes (0.05 or more, fractions allowed); 0 is off."),
        ("notify", "Runs after a fetch that brought news: a command as a list of arguments, %n the number, %t the first titles."),
        ("set_title", "The terminal's title says how many articles are unread (\"krant: 12 unread\")."),
        ("password_command", "Prints a sync account's password: a command as a list of arguments, %a the account, %u the user (unset: krant asks)."),
    ]

    static let tables = ["layout", "keys", "style", "retention", "queries", "ignore"]

    static let layout: [(name: String, comment: String)] = [
        ("side_by_side_width", "From this terminal width on, list and article stand side by side."),
        ("list_percent", "The list's share of the screen, in percent (10 to 90)."),
        ("article_width", "The widest article text; a wider pane centres it."),
        ("date_format", "The list's dates, strftime style (%d %b %Y %H:%M …); \"\" is krant's own short form."),
        ("columns", "The list's columns besides the title: \"date\", \"source\" (they give way when space runs out)."),
        ("start_view", "The view at start: \"all\" or \"unread\"."),
    ]

    static let retention: [(name: String, comment: String)] = [
        ("keep_days", "After each fetch, remove articles older than this many days (0 keeps them all); never starred ones."),
        ("max_per_feed", "After each fetch, keep only this many of each feed's newest articles (0: no limit); starred ones stay."),
        ("include_unread", "Whether retention removes unread articles too (false keeps every unread article)."),
    ]
    static let queryFields = ["name", "search", "feed", "category", "unread", "starred", "max_age"]
    static let ignoreFields = ["title", "author", "feed", "category"]

    static let styleFields = ["fg", "bg"] + TextStyle.Attributes.named.map(\.name)

    static var allNames: [String] {
        topLevel.map(\.name) + tables + layout.map(\.name) + ReaderCommand.allCases.map(\.name)
            + StyleRole.allCases.map(\.name) + styleFields + retention.map(\.name)
    }
}
