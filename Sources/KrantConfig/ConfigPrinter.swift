import KrantCore

/// `krant config`: the configuration in force as a TOML file, every setting
/// with a comment and, where the file changed it, the default. Reading the
/// output back gives the same configuration, so it is a starting point to
/// save and edit.
public enum ConfigPrinter {
    /// `storePath` is the store the other settings lead to without a `db`
    /// line (KRANT_DB or the XDG default), which only the store knows.
    public static func text(_ configuration: Configuration, environment: [String: String], storePath: String) -> String {
        let defaults = Configuration()
        var out: [String] = []
        let source = configuration.location.map(\.path) ?? "none"
        out.append("# krant's configuration in force (file: \(source)).")
        out.append("# Save it as that file and change what you like; \"krant config --path\" says where.")
        out.append("# Precedence: command-line flag > environment variable > this file > default.")
        out.append("")

        func setting(_ name: String, _ comment: String, _ value: String, default defaultValue: String?, set: Bool) {
            out.append("# " + comment + (set && defaultValue != nil && defaultValue != value ? " Default: \(defaultValue!)." : ""))
            out.append((set ? "" : "# ") + "\(name) = \(value)")
            out.append("")
        }
        let top = Dictionary(uniqueKeysWithValues: ConfigSchema.topLevel.map { ($0.name, $0.comment) })
        let language = configuration.language ?? Language(environment: environment)
        setting("language", top["language"]!, quote(language.rawValue), default: nil, set: configuration.language != nil)
        setting("theme", top["theme"]!, quote(configuration.theme.name), default: quote(defaults.theme.name), set: true)
        let browser = configuration.browser ?? ["xdg-open", "%u"]
        setting("browser", top["browser"]!, list(browser), default: nil, set: configuration.browser != nil)
        setting("player", top["player"]!, list(configuration.player ?? ["mpv", "%u"]), default: nil,
                set: configuration.player != nil)
        setting("mouse", top["mouse"]!, String(configuration.mouse), default: String(defaults.mouse), set: true)
        let db = configuration.db ?? storePath
        setting("db", top["db"]!, quote(db), default: nil, set: configuration.db != nil)
        let minutes = configuration.refreshMinutes ?? 0
        setting("refresh_minutes", top["refresh_minutes"]!,
                minutes == minutes.rounded() ? String(Int(minutes)) : String(minutes),
                default: "0", set: configuration.refreshMinutes != nil)
        setting("notify", top["notify"]!, list(configuration.notify ?? ["notify-send", "krant", "%n new: %t"]),
                default: nil, set: configuration.notify != nil)
        setting("set_title", top["set_title"]!, String(configuration.setTitle), default: String(defaults.setTitle),
                set: true)
        setting("password_command", top["password_command"]!,
                list(configuration.passwordCommand ?? ["pass", "show", "krant/%a"]), default: nil,
                set: configuration.passwordCommand != nil)

        out.append("[layout]")
        let layout = configuration.layout
        let layoutValues: [String: (String, String)] = [
            "side_by_side_width": (String(layout.sideBySideWidth), String(defaults.layout.sideBySideWidth)),
            "list_percent": (String(layout.listPercent), String(defaults.layout.listPercent)),
            "article_width": (String(layout.articleWidth), String(defaults.layout.articleWidth)),
            "date_format": (quote(layout.dateFormat?.pattern ?? ""), quote("")),
            "columns": (list(layout.columns.map(\.rawValue)), list(defaults.layout.columns.map(\.rawValue))),
            "start_view": (quote(layout.startUnreadOnly ? "unread" : "all"), quote("all")),
        ]
        for (name, comment) in ConfigSchema.layout {
            let (value, defaultValue) = layoutValues[name]!
            setting(name, comment, value, default: defaultValue, set: true)
        }

        out.append("[keys]")
        out.append("# The keys of each action: one character, or a name (\"Enter\", \"Space\", \"Tab\", \"Esc\",")
        out.append("# \"Up\", \"PgDn\", \"Home\", \"F5\", \"Ctrl-r\"); [] unbinds. Menus move with the same keys.")
        out.append("")
        for command in ReaderCommand.allCases {
            let keys = configuration.keymap.bindings(in: .reader).first { $0.name == command.name }?.keys ?? []
            let value = list(keys.map(\.name))
            let changed = configuration.reboundCommands.contains(command.name)
            // Keys left as they are stay comments, so a saved file keeps
            // following krant's standard keys.
            setting(command.name, command.help.prefix(1).uppercased() + command.help.dropFirst() + ".", value,
                    default: changed ? list(command.defaultKeys.map(\.name)) : nil, set: changed)
        }

        out.append("[style]")
        out.append("# Each role: fg and bg (a name such as red or bright-blue, default, 0 to 255, or #rrggbb,")
        out.append("# the nearest the terminal has), and bold, dim, italic, underline, reverse.")
        out.append("")
        // Roles left as the theme has them stay comments, so changing
        // `theme` in a saved file changes them.
        let base = Theme.named(configuration.theme.name) ?? .dark
        for role in StyleRole.allCases {
            let changed = configuration.changedRoles.contains(role)
            setting(role.name, role.summary.prefix(1).uppercased() + role.summary.dropFirst() + ".",
                    style(configuration.theme[role], over: base[role]),
                    default: changed ? style(base[role], over: base[role]) : nil, set: changed)
        }
        out.append("[retention]")
        let retention = configuration.retention
        let retentionValues: [String: (String, String)] = [
            "keep_days": (String(retention.keepDays), String(defaults.retention.keepDays)),
            "max_per_feed": (String(retention.maxPerFeed), String(defaults.retention.maxPerFeed)),
            "include_unread": (String(retention.includeUnread), String(defaults.retention.includeUnread)),
        ]
        for (name, comment) in ConfigSchema.retention {
            let (value, defaultValue) = retentionValues[name]!
            setting(name, comment, value, default: defaultValue, set: true)
        }

        out += queriesAndIgnoreRules(configuration)
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// `[[queries]]` and `[[ignore]]` as the file has them, or a commented
    /// example of each when it has none.
    static func queriesAndIgnoreRules(_ configuration: Configuration) -> [String] {
        var out: [String] = []
        out.append("# Saved queries, in the reader's chooser (c) and in krant list --query NAME: a name and any of")
        out.append("# search, feed (address or title), category, unread, starred, max_age (\"12h\", \"7d\", \"2w\").")
        if configuration.savedQueries.isEmpty {
            out += ["# [[queries]]", "# name = \"Oekraïne\"", "# search = \"oekraine OR kyiv\"", "# unread = true", ""]
        }
        for query in configuration.savedQueries {
            out.append("[[queries]]")
            out.append("name = \(quote(query.name))")
            if let search = query.search { out.append("search = \(quote(search))") }
            if let feed = query.feed { out.append("feed = \(quote(feed))") }
            if let category = query.category { out.append("category = \(quote(category))") }
            if let unread = query.unread { out.append("unread = \(unread)") }
            if let starred = query.starred { out.append("starred = \(starred)") }
            if let age = query.maxAge { out.append("max_age = \(quote(age.description))") }
            out.append("")
        }
        out.append("# Feed items not stored when fetched: title or author words (search syntax), feed, category;")
        out.append("# an item is ignored when it matches every field of a rule.")
        if configuration.ignoreRules.isEmpty {
            out += ["# [[ignore]]", "# title = \"advertorial OR gesponsord\"", ""]
        }
        for rule in configuration.ignoreRules {
            out.append("[[ignore]]")
            if let title = rule.title { out.append("title = \(quote(title))") }
            if let author = rule.author { out.append("author = \(quote(author))") }
            if let feed = rule.feed { out.append("feed = \(quote(feed))") }
            if let category = rule.category { out.append("category = \(quote(category))") }
            out.append("")
        }
        return out
    }

    /// A role's style as a line reads it over `base`, the theme's: every
    /// attribute it has is true, and one the theme has that it lacks is
    /// false (a line only changes what it names).
    static func style(_ style: TextStyle, over base: TextStyle) -> String {
        var fields = ["fg = \(quote(style.foreground.name))", "bg = \(quote(style.background.name))"]
        for (name, attribute) in TextStyle.Attributes.named {
            if style.attributes.contains(attribute) {
                fields.append("\(name) = true")
            } else if base.attributes.contains(attribute) {
                fields.append("\(name) = false")
            }
        }
        return "{ " + fields.joined(separator: ", ") + " }"
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
