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
    ]

    static let tables = ["layout", "keys", "style"]

    static let layout: [(name: String, comment: String)] = [
        ("side_by_side_width", "From this terminal width on, list and article stand side by side."),
        ("list_percent", "The list's share of the screen, in percent (10 to 90)."),
        ("article_width", "The widest article text; a wider pane centres it."),
        ("date_format", "The list's dates, strftime style (%d %b %Y %H:%M …); \"\" is krant's own short form."),
        ("columns", "The list's columns besides the title: \"date\", \"source\" (they give way when space runs out)."),
        ("start_view", "The view at start: \"all\" or \"unread\"."),
    ]

    static let styleFields = ["fg", "bg"] + TextStyle.Attributes.named.map(\.name)

    static var allNames: [String] {
        topLevel.map(\.name) + tables + layout.map(\.name) + ReaderCommand.allCases.map(\.name)
            + StyleRole.allCases.map(\.name) + styleFields
    }
}
