import KrantConfig
import KrantCore
import Testing

@Suite struct ConfigLoaderTests {

    @Test func anEmptyFileIsTheDefaults() throws {
        let configuration = try ConfigLoader.parse("", path: "c.toml")
        #expect(configuration.language == nil)
        #expect(configuration.theme == .dark)
        #expect(configuration.browser == nil)
        #expect(configuration.mouse)
        #expect(configuration.db == nil)
        #expect(configuration.layout == LayoutSettings())
        #expect(configuration.keymap.bindings == Keymap.standard.bindings)
    }

    @Test func everySettingIsRead() throws {
        let configuration = try ConfigLoader.parse("""
            language = "nl"
            theme = "light"
            browser = ["firefox", "--new-tab", "%u"]
            mouse = false
            db = "~/nieuws.db"

            [layout]
            side_by_side_width = 120
            list_percent = 30
            article_width = 72
            date_format = "%d-%m %H:%M"
            columns = ["source"]
            start_view = "unread"

            [keys]
            next-caption = ["}", "C"]
            toggle-star = []
            quit = "Ctrl-x"

            [style]
            section = { fg = "#ff8800", bg = "default", underline = true, bold = false }
            date = { fg = "244" }
            """, path: "c.toml")
        #expect(configuration.language == .dutch)
        #expect(configuration.browser == ["firefox", "--new-tab", "%u"])
        #expect(!configuration.mouse)
        #expect(configuration.db == "~/nieuws.db")
        #expect(configuration.layout == LayoutSettings(sideBySideWidth: 120, listPercent: 30, articleWidth: 72,
                                                       columns: [.source], dateFormat: try DateFormat(pattern: "%d-%m %H:%M"),
                                                       startUnreadOnly: true))
        let keymap = configuration.keymap
        #expect(keymap.action(for: .character("C"), in: .reader) == .nextCaption)
        #expect(keymap.action(for: .character("}"), in: .reader) == .nextCaption)
        #expect(keymap.action(for: .character("s"), in: .reader) == nil)
        #expect(keymap.action(for: .control("x"), in: .reader) == .quit)
        #expect(keymap.action(for: .character("q"), in: .reader) == nil)
        // Windows close with the keys quit has now.
        #expect(keymap.action(for: .control("x"), in: .outline) == .menu(.close))
        #expect(configuration.theme.name == "light")
        #expect(configuration.theme[.section] == TextStyle(.rgb(0xFF, 0x88, 0), on: .terminalDefault, [.underline]))
        // Only what the file says changes: the light theme's dim stays.
        #expect(configuration.theme[.date] == TextStyle(.index(244), on: .terminalDefault, [.dim]))
        #expect(configuration.theme[.title] == Theme.light[.title])
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        #expect(configErrors("mouse = true\nkeys = [\n") == ["c.toml:2:10: Error while parsing array: encountered end-of-file"])
        #expect(configErrors("a = 1\nb = = 2")[0].hasPrefix("c.toml:2:5: "))
    }

    @Test func unknownNamesGetTheNearestOne() {
        #expect(configErrors("langauge = \"nl\"") == ["c.toml:1:1: unknown setting 'langauge'; did you mean 'language'?"])
        #expect(configErrors("[keys]\n  nxt-caption = [\"C\"]")
                == ["c.toml:2:3: unknown action 'nxt-caption' in [keys]; did you mean 'next-caption'?"])
        #expect(configErrors("[layout]\narticle-width = 70")
                == ["c.toml:2:1: unknown setting 'article-width' in [layout]; did you mean 'article_width'?"])
        #expect(configErrors("[style]\nsection = { fg = \"red\", underlined = true }")
                == ["c.toml:2:25: unknown setting 'underlined' in [style.section]; did you mean 'underline'?"])
        #expect(configErrors("[style]\nheadlines = { bold = true }")
                == ["c.toml:2:1: unknown style 'headlines' in [style]; did you mean 'headline'?"])
        #expect(configErrors("theme = \"darkk\"") == ["c.toml:1:1: unknown theme 'darkk'; did you mean 'dark'?"])
        #expect(configErrors("xyzzy = 1") == ["c.toml:1:1: unknown setting 'xyzzy'; see krant config for every setting"])
        #expect(configErrors("x = 1") == ["c.toml:1:1: unknown setting 'x'; see krant config for every setting"],
                "no 'db' for a name that shares nothing with it")
    }

    @Test func valuesOfTheWrongKindOrRange() {
        #expect(configErrors("mouse = \"yes\"") == ["c.toml:1:1: mouse must be true or false, not the string 'yes'"])
        #expect(configErrors("[layout]\nlist_percent = 120")
                == ["c.toml:2:1: list_percent must be between 10 and 90, not 120"])
        #expect(configErrors("[layout]\narticle_width = \"wide\"")
                == ["c.toml:2:1: article_width must be a whole number, not the string 'wide'"])
        #expect(configErrors("browser = \"firefox %u\"")
                == ["c.toml:1:1: browser must be a list of strings such as [\"a\", \"b\"], not the string 'firefox %u'"])
        #expect(configErrors("browser = []") == ["c.toml:1:1: browser must name a program: [\"firefox\", \"%u\"]"])
        #expect(configErrors("[layout]\ndate_format = \"%d %Q\"")[0].hasPrefix("c.toml:2:1: date_format: unknown directive %Q"))
        #expect(configErrors("[style]\ndate = { fg = \"purpel\" }")
                == ["c.toml:2:10: date.fg: unknown colour 'purpel'; use a name (red, bright-blue, default), 0 to 255, or #rrggbb"])
        #expect(configErrors("[style]\ndate = \"red\"")
                == ["c.toml:2:1: date must be a table such as { fg = \"yellow\", bold = true }, not the string 'red'"])
        #expect(configErrors("[keys]\nquit = [\"Ctrl-ä\"]")[0].hasPrefix("c.toml:2:1: quit: 'Ctrl-ä' is not a key"))
        #expect(configErrors("[keys]\ntoggle-star = [\"Ctrl-s\"]")
                == ["c.toml:2:1: toggle-star: 'Ctrl-s' cannot be bound: the terminal keeps Ctrl-S and Ctrl-Q to pause and resume output"])
        // Ctrl-I is Tab: bound to two actions, it is a conflict.
        #expect(configErrors("[keys]\ntoggle-star = [\"Ctrl-i\"]")
                == ["c.toml:2:1: key 'Tab' is bound to both toggle-star and toggle-focus; unbind one (an empty list [] unbinds)"])
    }

    @Test func retentionIsReadFromItsTableWithItsErrorsLocated() throws {
        let configuration = try ConfigLoader.parse("[retention]\nkeep_days = 30\nmax_per_feed = 200", path: "c.toml")
        #expect(configuration.retention == RetentionSettings(keepDays: 30, maxPerFeed: 200, includeUnread: true))
        #expect(try ConfigLoader.parse("", path: "c.toml").retention.isOn == false)
        #expect(configErrors("[retention]\nkeep_days = -1")
                == ["c.toml:2:1: keep_days must be between 0 and 1000000, not -1"])
        #expect(configErrors("[retention]\nkeep_day = 3")
                == ["c.toml:2:1: unknown setting 'keep_day' in [retention]; did you mean 'keep_days'?"])
    }

    @Test func twoActionsOnOneKeyNameBoth() {
        #expect(configErrors("[keys]\ntoggle-star = \"n\"")
                == ["c.toml:2:1: key 'n' is bound to both toggle-star and next-unread; unbind one (an empty list [] unbinds)"])
        // Unbinding the other first makes it fine.
        #expect(configErrors("[keys]\ntoggle-star = \"n\"\nnext-unread = [\"Tab\"]\ntoggle-focus = []") == [])
    }

    /// A file saved with CRLF line ends points at the same lines.
    @Test func crlfLineEndsKeepTheirPositions() {
        #expect(configErrors("mouse = true\r\n[layout]\r\n\r\nlist_percent = 5\r\n  columns = [\"x\"]\r\n").map { $0.prefix(12) }
                == ["c.toml:4:1: ", "c.toml:5:3: "])
    }

    @Test func aPaletteIndexMayBeANumber() throws {
        let configuration = try ConfigLoader.parse("[style]\ndate = { fg = 200, bg = \"17\" }", path: "c.toml")
        #expect(configuration.theme[.date].foreground == .index(200))
        #expect(configuration.theme[.date].background == .index(17))
        #expect(configErrors("[style]\ndate = { fg = 300 }")[0].contains("unknown colour '300'"))
    }

    @Test func everyErrorIsSaidInFileOrder() {
        let found = configErrors("""
            [style]
            date = { fg = "nope" }
            [layout]
            list_percent = 5
            """ + "\nmouse = 3\n")
        #expect(found.map { $0.split(separator: ":")[1] } == ["2", "4", "5"])
    }

    /// `krant config` output read back is the same configuration, changed
    /// settings included, so it is a starting point to save and edit.
    @Test func printedConfigurationReadsBackTheSame() throws {
        let changed = try ConfigLoader.parse("""
            theme = "terminal"
            browser = ["open", "-a", "Safari \\"Tech\\"", "%u"]
            [layout]
            date_format = "%e %B"
            [keys]
            next-caption = ["}", "C", "Space"]
            page-down = ["PgDn", "F5"]
            [style]
            unread = { fg = "#102030", italic = true }
            title = { bold = false }
            [retention]
            keep_days = 30
            include_unread = false
            [[queries]]
            name = "Oekraïne \\\\ \\\"nu\\\""
            search = "oekraine OR kyiv -title:sport"
            unread = true
            max_age = "7d"
            [[queries]]
            name = "Sterren"
            feed = "NOS Buitenland"
            category = "Buitenland"
            starred = true
            [[ignore]]
            title = "advertorial"
            author = "redactie"
            [[ignore]]
            feed = "https://example.org/rss"
            category = "Sport"
            """, path: "c.toml")
        #expect(changed.savedQueries.count == 2 && changed.ignoreRules.count == 2)
        for configuration in [Configuration(), changed] {
            let text = ConfigPrinter.text(configuration, environment: ["LANG": "nl_NL.UTF-8"], storePath: "/s/krant.db")
            let again = try ConfigLoader.parse(text, path: "printed.toml")
            #expect(again.theme == configuration.theme)
            #expect(again.browser == configuration.browser)
            #expect(again.layout == configuration.layout)
            #expect(again.retention == configuration.retention)
            #expect(again.keymap.bindings == configuration.keymap.bindings)
            #expect(again.savedQueries == configuration.savedQueries)
            #expect(again.ignoreRules == configuration.ignoreRules)
            #expect(again.language == nil, "an unset language stays unset (commented out)")
            #expect(text.contains("# language = \"nl\""))
            #expect(text.contains("# db = \"/s/krant.db\""))
            #expect(ConfigPrinter.text(again, environment: ["LANG": "nl_NL.UTF-8"], storePath: "/s/krant.db") == text)
        }
        let text = ConfigPrinter.text(changed, environment: [:], storePath: "/s/krant.db")
        #expect(text.contains("# Next photo caption. Default: [\"}\"].\nnext-caption = [\"}\", \"C\", \"Space\"]"))
        #expect(text.contains("unread = { fg = \"#102030\", bg = \"default\", bold = true, italic = true }"))
        #expect(text.contains("\ntitle = { fg = \"default\", bg = \"default\", bold = false }"),
                "what the theme has and the role lost is said false")
        // What the file leaves alone stays a comment, so the saved file
        // follows its theme and krant's standard keys.
        #expect(text.contains("\n# section = { fg = \"default\", bg = \"default\", bold = true, underline = true }"))
        #expect(text.contains("\n# move-down = [\"j\", \"Down\"]"))
        let saved = try ConfigLoader.parse(text.replacingOccurrences(of: "theme = \"terminal\"", with: "theme = \"dark\""),
                                           path: "saved.toml")
        #expect(saved.theme[.section] == Theme.dark[.section])
        #expect(saved.theme[.unread] == TextStyle(.rgb(0x10, 0x20, 0x30), on: .terminalDefault, [.bold, .italic]))
    }
}
