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
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
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
