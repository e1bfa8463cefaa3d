@testable import KrantCore
import ReaderTestSupport
import Testing

/// Following an article's numbered links (`l`, `3o`) and opening its
/// enclosures (`e`): what each key opens, and what it says when it cannot.
@Suite struct ReaderLinksTests {
    static let links = ["https://nos.nl/artikel/1", "https://www.rijksoverheid.nl/kamerbrief?id=2#top",
                        "http://user@example.org:8080/x", "mailto:redactie@nos.nl"]

    /// The newest of two articles (the one selected first) has three
    /// links and two enclosures.
    static func articles() -> [Article] {
        var articles = ReaderFixtures.generated(2)
        articles[1].links = links
        articles[1].linkTexts = ["het eerdere bericht", "de Kamerbrief", "", "de redactie"]
        articles[1].enclosures = [
            Enclosure(url: "https://cdn.nos.nl/podcast/journaal.mp3", type: "audio/mpeg", length: 30_123_456),
            Enclosure(url: "https://cdn.nos.nl/foto.jpg"),
        ]
        return articles
    }

    static func opened(_ settings: ReaderSettings = ReaderSettings()) -> ReaderDriver<InMemorySource> {
        var driver = ReaderFixtures.driver(articles(), settings: settings)
        driver.press(.enter)
        return driver
    }

    @Test func linksWindowListsNumberWordsAndHostAndEnterOpensTheChosenLink() {
        var driver = Self.opened()
        #expect(driver.press(.character("l")).isEmpty)
        guard case .links(let menu) = driver.state.overlay else { Issue.record("no links window"); return }
        #expect(menu.entries.map(\.number) == [1, 2, 3, 4])
        #expect(menu.entries.map(\.text) == ["het eerdere bericht", "de Kamerbrief", "", "de redactie"])
        #expect(menu.entries.map(\.host) == ["nos.nl", "www.rijksoverheid.nl", "example.org", "mailto:redactie@nos.nl"])
        #expect(driver.state.keySituation == .links)
        #expect(driver.press(.character("j"), .enter) == [.openURL(Self.links[1])])
        #expect(driver.state.overlay == .none)
        #expect(driver.state.message == "Opening \(Self.links[1])")
    }

    @Test func linksWindowClosesWithEscQOrLAndOpensNothing() {
        var driver = Self.opened()
        for closer in [Key.escape, .character("q"), .character("l")] {
            driver.press(.character("l"))
            #expect(driver.press(closer).isEmpty)
            #expect(driver.state.overlay == .none)
            #expect(driver.state.reading != nil)
        }
    }

    @Test func aNumberThenOOpensThatLink() {
        var driver = Self.opened()
        driver.press(.character("2"))
        #expect(driver.state.countPrefix == 2)
        #expect(ReaderRenderer.render(driver.state).textLines.last?.contains("2 · o opens link 2") == true)
        #expect(driver.press(.character("o")) == [.openURL(Self.links[1])])
        #expect(driver.state.countPrefix == nil)
        #expect(driver.state.overlay == .none)
        // Digits add up: 1 then 0 is ten.
        #expect(driver.press(.character("1"), .character("0"), .character("o")).isEmpty)
        #expect(driver.state.message == "No link 10: this article has links 1 to 4")
    }

    @Test func oWithoutACountIsStillTheOutline() {
        var driver = Self.opened()
        #expect(driver.press(.character("o")).isEmpty)
        guard case .outline = driver.state.overlay else { Issue.record("no outline"); return }
    }

    @Test func escOrAnyOtherKeyClearsTheCount() {
        var driver = Self.opened()
        let top = driver.state.reading?.top
        driver.press(.character("3"), .escape)
        #expect(driver.state.countPrefix == nil)
        // Esc only dropped the count: the article is still read.
        #expect(driver.state.focus == .article)
        #expect(driver.press(.character("o")).isEmpty)
        driver.press(.escape)
        // A key bound to nothing clears it too, and does nothing else.
        driver.press(.character("3"), .character("x"))
        #expect(driver.state.countPrefix == nil)
        #expect(driver.state.reading?.top == top)
        // A command after a count does what it always does.
        driver.press(.character("4"), .character("j"))
        #expect(driver.state.countPrefix == nil)
        #expect(driver.state.overlay == .none)
    }

    @Test func aCountWithoutAnArticleSaysToOpenOne() {
        var driver = ReaderFixtures.driver(Self.articles())
        #expect(driver.press(.character("1"), .character("o")).isEmpty)
        #expect(driver.state.message == "Open an article with Enter first")
    }

    @Test func anArticleWithoutLinksOrEnclosuresSaysSo() {
        var driver = ReaderFixtures.driver(Self.articles())
        driver.press(.character("j"), .enter)
        #expect(driver.state.reading?.article.links == [])
        driver.press(.character("l"))
        #expect(driver.state.overlay == .none)
        #expect(driver.state.message == "This article has no links")
        driver.press(.character("e"))
        #expect(driver.state.message == "This article has no enclosures")
        driver.press(.character("1"), .character("o"))
        #expect(driver.state.message == "This article has no links")
    }

    @Test func enclosuresWindowOpensTheChosenOneWithThePlayer() {
        var driver = Self.opened()
        driver.press(.character("e"))
        guard case .enclosures(let menu) = driver.state.overlay else { Issue.record("no enclosures window"); return }
        #expect(menu.entries.count == 2)
        #expect(driver.state.keySituation == .enclosures)
        #expect(driver.press(.enter) == [.openEnclosure("https://cdn.nos.nl/podcast/journaal.mp3")])
        #expect(driver.state.overlay == .none)
    }

    @Test func aClickOnAnEntryOpensIt() throws {
        var driver = Self.opened()
        driver.press(.character("l"))
        let placement = try #require(ReaderRenderer.overlayPlacement(driver.state))
        let effects = driver.send(.mouse(MouseEvent(.click, x: placement.lineArea.x + 2,
                                                    y: placement.lineArea.y + 2)))
        #expect(effects == [.openURL(Self.links[2])])
        driver.press(.character("e"))
        let enclosures = try #require(ReaderRenderer.overlayPlacement(driver.state))
        let opened = driver.send(.mouse(MouseEvent(.click, x: enclosures.lineArea.x + 2,
                                                   y: enclosures.lineArea.y + 1)))
        #expect(opened == [.openEnclosure("https://cdn.nos.nl/foto.jpg")])
    }

    @Test func reboundKeysOpenTheWindows() throws {
        let keymap = try Keymap(binding: ["links": [.character("L")], "enclosures": [.character("E")]])
        var driver = Self.opened(ReaderSettings(keymap: keymap))
        driver.press(.character("L"))
        guard case .links = driver.state.overlay else { Issue.record("no links window"); return }
        driver.press(.character("L"))
        #expect(driver.state.overlay == .none)
        driver.press(.character("E"))
        guard case .enclosures = driver.state.overlay else { Issue.record("no enclosures window"); return }
    }

    @Test func aDigitBoundToACommandIsThatCommand() throws {
        let keymap = try Keymap(binding: ["next-unread": [.character("1")]])
        #expect(keymap.action(for: .character("1"), in: .reader) == .nextUnread)
        #expect(keymap.action(for: .character("2"), in: .reader) == .countDigit(2))
        #expect(Keymap.standard.action(for: .character("2"), in: .outline) == nil)
    }

    @Test func dutchMessages() {
        var driver = Self.opened(ReaderSettings(language: .dutch))
        driver.press(.character("7"))
        #expect(ReaderRenderer.render(driver.state).textLines.last?.contains("7 · o opent link 7") == true)
        driver.press(.character("o"))
        #expect(driver.state.message == "Geen link 7: dit artikel heeft links 1 tot en met 4")
    }
}
