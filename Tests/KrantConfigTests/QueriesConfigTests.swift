import KrantConfig
import KrantCore
import Testing

/// `[[queries]]` and `[[ignore]]`: read into values, and every mistake said
/// at its element's line (the locator numbers arrays of tables).
@Suite struct QueriesConfigTests {
    @Test func queriesAndRulesAreRead() throws {
        let configuration = try ConfigLoader.parse("""
            [[queries]]
            name = "Oekraïne"
            search = "oekraine OR kyiv"
            unread = true

            [[queries]]
            name = "Week"
            max_age = "7d"

            [[ignore]]
            title = "advertorial"
            """, path: "c.toml")
        #expect(configuration.savedQueries == [
            SavedQuery(name: "Oekraïne", search: "oekraine OR kyiv", unread: true),
            SavedQuery(name: "Week", maxAge: AgeLimit("7d")),
        ])
        #expect(configuration.savedQueries[1].headlineQuery().maxAgeSeconds == 7 * 86_400)
        #expect(configuration.ignoreRules == [IgnoreRule(title: "advertorial")])
        #expect(configuration.readerSettings(environment: [:]).savedQueries.count == 2)
    }

    @Test func mistakesAreSaidWithTheirElementsLine() {
        let text = """
            [[queries]]
            name = "Goed"
            search = "kyiv"

            [[queries]]
            name = "Fout"
            search = "kyiv OR"
            max_age = "een week"
            unread = "ja"
            colour = "red"

            [[queries]]
            search = "zonder naam"

            [[queries]]
            name = "Goed"

            [[ignore]]
            title = "\\"open"

            [[ignore]]
            """
        #expect(configErrors(text) == [
            "c.toml:7:1: search: OR needs a word on each side, as in \"kyiv OR kiev\"",
            "c.toml:8:1: max_age must be a number and h, d or w, such as \"7d\", not 'een week'",
            "c.toml:9:1: unread must be true or false, not the string 'ja'",
            "c.toml:10:1: unknown setting 'colour' in [queries[1]]; see krant config for every setting",
            "c.toml:12:3: a query needs a name: name = \"...\"",
            "c.toml:16:1: there is already a query named 'Goed'",
            "c.toml:19:1: title: a quote \" is not closed; end the phrase with another \"",
            "c.toml:21:3: an ignore rule needs title, author, feed or category",
        ])
    }

    @Test func ageLimits() {
        #expect(AgeLimit("12h")?.seconds == 43_200)
        #expect(AgeLimit("2w")?.seconds == 1_209_600)
        for bad in ["7", "d", "-1d", "0d", "7 d", "7y", "+7d"] { #expect(AgeLimit(bad) == nil, "\(bad)") }
    }
}
