import KrantCore
import TOMLKit

/// Walks a parsed file, building the configuration and collecting every
/// error with the position of the key it concerns.
struct ConfigReader {
    let path: String
    let locator: TOMLKeyLocator
    private(set) var errors: [(position: TOMLKeyLocator.Position, error: ConfigError)] = []

    init(path: String, locator: TOMLKeyLocator) {
        self.path = path
        self.locator = locator
    }

    var sortedErrors: [ConfigError] {
        errors.sorted { $0.position < $1.position }.map(\.error)
    }

    mutating func configuration(from table: TOMLTable) -> Configuration {
        var configuration = Configuration()
        for (name, value) in table {
            switch name {
            case "language":
                guard let text = string(value, at: [name]) else { continue }
                guard let language = Language(name: text) else {
                    fail([name], "language must be \"en\" or \"nl\", not \(quoted(text))")
                    continue
                }
                configuration.language = language
            case "theme":
                guard let text = string(value, at: [name]) else { continue }
                guard let theme = Theme.named(text) else {
                    fail([name], "unknown theme \(quoted(text))" + suggestion(text, in: Theme.builtIn.map(\.name),
                         otherwise: "krant has " + Theme.builtIn.map { quoted($0.name) }.joined(separator: ", ")))
                    continue
                }
                configuration.theme = theme
            case "browser":
                guard let command = strings(value, at: [name]) else { continue }
                guard let program = command.first, !program.isEmpty else {
                    fail([name], "browser must name a program: [\"firefox\", \"%u\"]")
                    continue
                }
                configuration.browser = command
            case "player":
                guard let command = strings(value, at: [name]) else { continue }
                guard let program = command.first, !program.isEmpty else {
                    fail([name], "player must name a program: [\"mpv\", \"%u\"]")
                    continue
                }
                configuration.player = command
            case "mouse":
                if let flag = bool(value, at: [name]) { configuration.mouse = flag }
            case "db":
                guard let text = string(value, at: [name]) else { continue }
                guard !text.isEmpty else { fail([name], "db must be a path, not \"\""); continue }
                configuration.db = text
            case "refresh_minutes":
                guard let minutes = minutes(value, at: [name]) else { continue }
                configuration.refreshMinutes = minutes == 0 ? nil : minutes
            case "notify":
                guard let command = strings(value, at: [name]) else { continue }
                guard let program = command.first, !program.isEmpty else {
                    fail([name], "notify must name a program: [\"notify-send\", \"krant\", \"%n new: %t\"]")
                    continue
                }
                configuration.notify = command
            case "password_command":
                guard let command = strings(value, at: [name]) else { continue }
                guard let program = command.first, !program.isEmpty else {
                    fail([name], "password_command must name a program: [\"pass\", \"show\", \"freshrss\"]")
                    continue
                }
                configuration.passwordCommand = command
            case "set_title":
                if let flag = bool(value, at: [name]) { configuration.setTitle = flag }
            case "layout":
                guard let layout = subtable(value, at: [name]) else { continue }
                configuration.layout = readLayout(layout)
            case "keys":
                guard let keys = subtable(value, at: [name]) else { continue }
                readKeys(keys, into: &configuration)
            case "style":
                continue
            case "retention":
                guard let retention = subtable(value, at: [name]) else { continue }
                configuration.retention = readRetention(retention)
            case "queries":
                configuration.savedQueries = readQueries(value)
            case "ignore":
                configuration.ignoreRules = readIgnoreRules(value)
            default:
                unknown([name], among: ConfigSchema.topLevel.map(\.name) + ConfigSchema.tables)
            }
        }
        // After `theme`, whatever order the file has them in.
        if let value = table["style"], let styles = subtable(value, at: ["style"]) {
            readStyles(styles, into: &configuration)
        }
        return configuration
    }

    private mutating func readLayout(_ table: TOMLTable) -> LayoutSettings {
        var layout = LayoutSettings()
        for (name, value) in table {
            let at = ["layout", name]
            switch name {
            case "side_by_side_width":
                if let number = int(value, at: at, in: 40...10_000) { layout.sideBySideWidth = number }
            case "list_percent":
                if let number = int(value, at: at, in: 10...90) { layout.listPercent = number }
            case "article_width":
                if let number = int(value, at: at, in: 20...10_000) { layout.articleWidth = number }
            case "date_format":
                guard let pattern = string(value, at: at) else { continue }
                if pattern.isEmpty { layout.dateFormat = nil; continue }
                do {
                    layout.dateFormat = try DateFormat(pattern: pattern)
                } catch .unknownDirective(let directive) {
                    fail(at, "date_format: unknown directive \(directive); krant knows "
                         + DateFormat.directives.sorted().map { "%\($0)" }.joined(separator: " "))
                } catch {
                    fail(at, "date_format ends in a lone %; write %% for a percent sign")
                }
            case "columns":
                guard let names = strings(value, at: at) else { continue }
                var columns: [ListColumn] = []
                for columnName in names {
                    guard let column = ListColumn(rawValue: columnName) else {
                        fail(at, "unknown column \(quoted(columnName))"
                             + suggestion(columnName, in: ListColumn.allCases.map(\.rawValue),
                                          otherwise: "the list has 'date' and 'source'"))
                        continue
                    }
                    if !columns.contains(column) { columns.append(column) }
                }
                layout.columns = columns
            case "start_view":
                guard let text = string(value, at: at) else { continue }
                switch text {
                case "all": layout.startUnreadOnly = false
                case "unread": layout.startUnreadOnly = true
                default: fail(at, "start_view must be \"all\" or \"unread\", not \(quoted(text))")
                }
            default:
                unknown(at, among: ConfigSchema.layout.map(\.name))
            }
        }
        return layout
    }

    private mutating func readRetention(_ table: TOMLTable) -> RetentionSettings {
        var retention = RetentionSettings()
        for (name, value) in table {
            let at = ["retention", name]
            switch name {
            case "keep_days":
                if let number = int(value, at: at, in: 0...1_000_000) { retention.keepDays = number }
            case "max_per_feed":
                if let number = int(value, at: at, in: 0...100_000_000) { retention.maxPerFeed = number }
            case "include_unread":
                if let flag = bool(value, at: at) { retention.includeUnread = flag }
            default:
                unknown(at, among: ConfigSchema.retention.map(\.name))
            }
        }
        return retention
    }

    private mutating func readKeys(_ table: TOMLTable, into configuration: inout Configuration) {
        var overrides: [String: [Key]] = [:]
        for (name, value) in table {
            let at = ["keys", name]
            guard ReaderCommand(name: name) != nil else {
                unknown(at, among: ReaderCommand.allCases.map(\.name), what: "action")
                continue
            }
            let names: [String]
            if let single = value.string {
                names = [single]
            } else if let list = strings(value, at: at) {
                names = list
            } else {
                continue
            }
            var keys: [Key] = []
            for keyName in names {
                if let reason = Key.reservation(forName: keyName) {
                    fail(at, "\(name): \(quoted(keyName)) cannot be bound: \(reason)")
                    continue
                }
                guard let key = Key(name: keyName) else {
                    fail(at, "\(name): \(quoted(keyName)) is not a key; write one character, or a name such as "
                         + "\"Enter\", \"Space\", \"Tab\", \"Esc\", \"Up\", \"PgDn\", \"Home\", \"F5\", \"Ctrl-r\"")
                    continue
                }
                keys.append(key)
            }
            overrides[name] = keys
        }
        do {
            configuration.keymap = try Keymap(binding: overrides)
            configuration.reboundCommands = Set(overrides.keys)
        } catch {
            switch error {
            case .conflict(let key, let first, let second):
                fail(["keys", first], "key \(quoted(key.name)) is bound to both \(first) and \(second); "
                     + "unbind one (an empty list [] unbinds)")
            case .unknownAction:
                break // Reported above, with the key's position.
            }
        }
    }

    private mutating func readStyles(_ table: TOMLTable, into configuration: inout Configuration) {
        for (name, value) in table {
            let at = ["style", name]
            guard let role = StyleRole(name: name) else {
                unknown(at, among: StyleRole.allCases.map(\.name), what: "style")
                continue
            }
            guard let fields = subtable(value, at: at,
                                        expected: "a table such as { fg = \"yellow\", bold = true }") else { continue }
            var style = configuration.theme[role]
            for (field, fieldValue) in fields {
                let fieldAt = at + [field]
                switch field {
                case "fg", "bg":
                    // A palette index may be written as a number or a string.
                    let text: String
                    if fieldValue.type == .int, let index = fieldValue.int {
                        text = String(index)
                    } else if let name = string(fieldValue, at: fieldAt) {
                        text = name
                    } else {
                        continue
                    }
                    guard let color = TerminalColor(name: text) else {
                        fail(fieldAt, "\(name).\(field): unknown colour \(quoted(text))"
                             + suggestion(text, in: TerminalColor.names + TerminalColor.names.map { "bright-" + $0 },
                                          otherwise: "use a name (red, bright-blue, default), 0 to 255, or #rrggbb"))
                        continue
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                default:
                    guard let attribute = TextStyle.Attributes.named.first(where: { $0.name == field })?.attribute else {
                        unknown(fieldAt, among: ConfigSchema.styleFields)
                        continue
                    }
                    guard let on = bool(fieldValue, at: fieldAt) else { continue }
                    if on { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
                }
            }
            configuration.theme[role] = style
            configuration.changedRoles.insert(role)
        }
    }

    // MARK: Values of the right kind

    mutating func string(_ value: TOMLValueConvertible, at path: [String]) -> String? {
        if let text = value.string { return text }
        fail(path, "\(path.last ?? "") must be a string in quotes, not \(describe(value))")
        return nil
    }

    mutating func bool(_ value: TOMLValueConvertible, at path: [String]) -> Bool? {
        if value.type == .bool, let flag = value.bool { return flag }
        fail(path, "\(path.last ?? "") must be true or false, not \(describe(value))")
        return nil
    }

    private mutating func int(_ value: TOMLValueConvertible, at path: [String], in range: ClosedRange<Int>) -> Int? {
        guard value.type == .int, let number = value.int else {
            fail(path, "\(path.last ?? "") must be a whole number, not \(describe(value))")
            return nil
        }
        guard range.contains(number) else {
            fail(path, "\(path.last ?? "") must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
            return nil
        }
        return number
    }

    /// `refresh_minutes`: a whole number or a fraction; 0 is off, and the
    /// shortest interval is three seconds (a fetch asks with conditional
    /// requests, so an unchanged feed costs one 304).
    private mutating func minutes(_ value: TOMLValueConvertible, at path: [String]) -> Double? {
        let number: Double
        if value.type == .int, let whole = value.int {
            number = Double(whole)
        } else if value.type == .double, let fraction = value.double {
            number = fraction
        } else {
            fail(path, "\(path.last ?? "") must be a number of minutes such as 15 or 0.5, not \(describe(value))")
            return nil
        }
        guard number == 0 || (number >= Configuration.shortestRefreshMinutes && number <= 10_080) else {
            fail(path, "\(path.last ?? "") must be 0 (off) or between \(Configuration.shortestRefreshMinutes) "
                 + "and 10080 (a week), not \(number)")
            return nil
        }
        return number
    }

    mutating func strings(_ value: TOMLValueConvertible, at path: [String]) -> [String]? {
        guard let array = value.array else {
            fail(path, "\(path.last ?? "") must be a list of strings such as [\"a\", \"b\"], not \(describe(value))")
            return nil
        }
        var result: [String] = []
        for element in array {
            guard let text = element.string else {
                fail(path, "\(path.last ?? "") must be a list of strings, but has \(describe(element))")
                return nil
            }
            result.append(text)
        }
        return result
    }

    mutating func subtable(_ value: TOMLValueConvertible, at path: [String],
                                   expected: String? = nil) -> TOMLTable? {
        if let table = value.table { return table }
        fail(path, "\(path.last ?? "") must be \(expected ?? "a table: [\(path.joined(separator: "."))]"), not \(describe(value))")
        return nil
    }

    func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "the string " + quoted(value.string ?? "")
        case .int: "the number \(value.int ?? 0)"
        case .double: "the number \(value.double ?? 0)"
        case .bool: value.bool == true ? "true" : "false"
        case .array: "a list"
        case .table: "a table"
        default: "a \(value.type.description)"
        }
    }

    // MARK: Errors

    mutating func unknown(_ path: [String], among names: [String], what: String = "setting") {
        let name = path.last ?? ""
        let place = path.count > 1 ? " in [\(path.dropLast().joined(separator: "."))]" : ""
        var message = "unknown \(what) \(quoted(name))\(place)"
        if let nearest = Suggestion.nearest(to: name, in: names) {
            message += "; did you mean \(quoted(nearest))?"
        } else if let elsewhere = Suggestion.nearest(to: name, in: ConfigSchema.allNames), elsewhere == name {
            message += " (it belongs in another table; see krant config)"
        } else {
            message += "; see krant config for every \(what)"
        }
        fail(path, message)
    }

    private func suggestion(_ name: String, in names: [String], otherwise: String) -> String {
        Suggestion.nearest(to: name, in: names).map { "; did you mean \(quoted($0))?" } ?? "; " + otherwise
    }

    func quoted(_ text: String) -> String {
        "'" + Sanitizer.escapedForDisplay(text) + "'"
    }

    mutating func fail(_ path: [String], _ message: String) {
        let position = locator.position(of: path)
        errors.append((position, ConfigError(path: Sanitizer.escapedForDisplay(self.path), line: position.line,
                                             column: position.column, message: message)))
    }
}

// MARK: - Saved queries and ignore rules

extension ConfigReader {
    /// `[[queries]]`: each needs a unique name and at least one filter.
    mutating func readQueries(_ value: TOMLValueConvertible) -> [SavedQuery] {
        var queries: [SavedQuery] = []
        for (index, table) in tables(value, named: "queries") {
            let place = "queries[\(index)]"
            var query = SavedQuery(name: "")
            var hasName = false
            for (name, field) in table {
                let at = [place, name]
                switch name {
                case "name":
                    guard let text = string(field, at: at) else { continue }
                    guard !text.isEmpty else { fail(at, "name must not be empty"); continue }
                    if queries.contains(where: { $0.name == text }) {
                        fail(at, "there is already a query named \(quoted(text))")
                    }
                    query.name = text
                    hasName = true
                case "search":
                    guard let text = string(field, at: at) else { continue }
                    query.search = searchText(text, at: at)
                case "feed":
                    query.feed = string(field, at: at)
                case "category":
                    query.category = string(field, at: at)
                case "unread":
                    query.unread = bool(field, at: at)
                case "starred":
                    query.starred = bool(field, at: at)
                case "max_age":
                    guard let text = string(field, at: at) else { continue }
                    guard let age = AgeLimit(text) else {
                        fail(at, "max_age must be a number and h, d or w, such as \"7d\", not \(quoted(text))")
                        continue
                    }
                    query.maxAge = age
                default:
                    unknown(at, among: ConfigSchema.queryFields)
                }
            }
            if !hasName { fail([place], "a query needs a name: name = \"...\"") }
            queries.append(query)
        }
        return queries
    }

    /// `[[ignore]]`: each needs at least one of its fields.
    mutating func readIgnoreRules(_ value: TOMLValueConvertible) -> [IgnoreRule] {
        var rules: [IgnoreRule] = []
        for (index, table) in tables(value, named: "ignore") {
            let place = "ignore[\(index)]"
            var rule = IgnoreRule()
            var hasField = false
            for (name, field) in table {
                let at = [place, name]
                hasField = hasField || ConfigSchema.ignoreFields.contains(name)
                switch name {
                case "title":
                    guard let text = string(field, at: at) else { continue }
                    rule.title = searchText(text, at: at)
                case "author":
                    guard let text = string(field, at: at) else { continue }
                    rule.author = searchText(text, at: at)
                case "feed":
                    rule.feed = string(field, at: at)
                case "category":
                    rule.category = string(field, at: at)
                default:
                    unknown(at, among: ConfigSchema.ignoreFields)
                }
            }
            if !hasField {
                fail([place], "an ignore rule needs title, author, feed or category")
            }
            if !rule.isEmpty { rules.append(rule) }
        }
        return rules
    }

    /// The elements of an array of tables (`[[name]]`), numbered as the key
    /// locator numbers them.
    private mutating func tables(_ value: TOMLValueConvertible, named name: String) -> [(Int, TOMLTable)] {
        guard let array = value.array else {
            fail([name], "\(name) must be a list of tables: [[\(name)]]")
            return []
        }
        var result: [(Int, TOMLTable)] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                fail([name], "\(name) must be a list of tables: [[\(name)]], but has \(describe(element))")
                continue
            }
            result.append((index, table))
        }
        return result
    }

    /// A search as written, or nil (with the error) when it is malformed.
    private mutating func searchText(_ text: String, at path: [String]) -> String? {
        do {
            _ = try SearchParser.parse(text)
            return text
        } catch {
            fail(path, "\(path.last ?? ""): \(error)")
            return nil
        }
    }
}
