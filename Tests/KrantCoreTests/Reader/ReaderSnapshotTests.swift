import KrantCore
import ReaderTestSupport
import Testing

/// Rendered screens compared as text (and role masks where styling matters).
@Suite struct ReaderSnapshotTests {
    static let dutch = ReaderSettings(language: .dutch)

    func openSample(width: Int, height: Int, language: Language = .english) throws -> ReaderDriver<InMemorySource> {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: width, height: height,
                                           settings: ReaderSettings(language: language))
        while driver.state.selectedHeadline?.id != 1, driver.state.selection < driver.state.page.total - 1 {
            driver.press(.character("j"))
        }
        #expect(driver.state.selectedHeadline?.title == "Na Noord-Korea krijgt Poetin ook warm onthaal in Vietnam")
        driver.press(.enter)
        return driver
    }

    @Test func listAndSampleArticleAt80x24() throws {
        let driver = try openSample(width: 80, height: 24)
        Snapshot.check(ReaderRenderer.render(driver.state), "list-article-80x24", roles: true)
    }

    @Test func sideBySideAt160x40() throws {
        let driver = try openSample(width: 160, height: 40)
        #expect(driver.state.layout.isSideBySide)
        Snapshot.check(ReaderRenderer.render(driver.state), "side-by-side-160x40", roles: true)
    }

    @Test func afterNextSection() throws {
        var driver = try openSample(width: 80, height: 24)
        driver.press(.character("]"))
        let screen = ReaderRenderer.render(driver.state)
        let paneTop = try #require(driver.state.layout.article).y
        #expect(screen.textLines[paneTop].hasPrefix(" § Balanceeract"))
        #expect(screen.textLines.last?.contains("§ Balanceeract") == true)
        Snapshot.check(screen, "after-next-section-80x24")
    }

    @Test func afterNextCaption() throws {
        var driver = try openSample(width: 80, height: 24)
        driver.press(.character("}"), .character("}"))
        let screen = ReaderRenderer.render(driver.state)
        let paneTop = try #require(driver.state.layout.article).y
        #expect(screen.textLines[paneTop].hasPrefix(" │ ANP · De welkomstceremonie"))
        Snapshot.check(screen, "after-next-caption-80x24", roles: true)
    }

    @Test func outline() throws {
        var driver = try openSample(width: 80, height: 24)
        driver.press(.character("o"), .character("j"))
        Snapshot.check(ReaderRenderer.render(driver.state), "outline-80x24", roles: true)
    }

    @Test func help() throws {
        var driver = try openSample(width: 80, height: 24)
        driver.press(.character("q"), .character("?"))
        let screen = ReaderRenderer.render(driver.state)
        Snapshot.check(screen, "help-80x24")
    }

    @Test func cjkAndEmojiArticleAt60x20() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.cjk], width: 60, height: 20)
        driver.press(.enter, .character("z"), .character("j"), .character("j"), .character("j"), .character("j"))
        Snapshot.check(ReaderRenderer.render(driver.state), "cjk-emoji-60x20")
    }

    @Test func cjkHeadlinesKeepColumnsAligned() throws {
        let driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 60, height: 20)
        Snapshot.check(ReaderRenderer.render(driver.state), "list-cjk-60x20")
    }

    @Test func smallest() throws {
        let small = try openSample(width: 20, height: 6)
        Snapshot.check(ReaderRenderer.render(small.state), "tiny-20x6")
        let one = try openSample(width: 1, height: 1)
        Snapshot.check(ReaderRenderer.render(one.state), "tiny-1x1")
        let tooSmall = try openSample(width: 19, height: 4)
        Snapshot.check(ReaderRenderer.render(tooSmall.state), "too-small-19x4")
    }

    @Test func searchPromptAndResults() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 80, height: 24)
        driver.press(.character("/"))
        driver.type("emoji")
        Snapshot.check(ReaderRenderer.render(driver.state), "search-prompt-80x24")
        driver.press(.enter)
        Snapshot.check(ReaderRenderer.render(driver.state), "search-results-80x24")
    }

    @Test func chooser() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 80, height: 24)
        driver.press(.character("c"))
        Snapshot.check(ReaderRenderer.render(driver.state), "chooser-80x24")
    }

    /// A view longer than the screen asks before marking it all read.
    @Test func markAllQuestion() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(50), width: 80, height: 24)
        driver.press(.character("A"))
        Snapshot.check(ReaderRenderer.render(driver.state), "mark-all-question-80x24")
    }

    // MARK: - In Dutch: the same screens, every word of the interface Dutch

    /// An empty store says how to get news into it, in either language.
    @Test func emptyStoreSaysHowToAddNews() {
        let english = ReaderFixtures.driver([], width: 80, height: 24)
        Snapshot.check(ReaderRenderer.render(english.state), "empty-store-80x24")
        let dutch = ReaderFixtures.driver([], width: 80, height: 24, settings: Self.dutch)
        Snapshot.check(ReaderRenderer.render(dutch.state), "empty-store-dutch-80x24")
    }

    @Test func dutchListAndSampleArticle() throws {
        let driver = try openSample(width: 80, height: 24, language: .dutch)
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-list-article-80x24")
    }

    @Test func dutchHelp() throws {
        var driver = try openSample(width: 80, height: 24, language: .dutch)
        driver.press(.character("q"), .character("?"))
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-help-80x24")
    }

    @Test func dutchChooser() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 80, height: 24, settings: Self.dutch)
        driver.press(.character("c"))
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-chooser-80x24")
    }

    @Test func dutchSearchPromptAndResults() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 80, height: 24, settings: Self.dutch)
        driver.press(.character("/"))
        driver.type("emoji")
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-search-prompt-80x24")
        driver.press(.enter)
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-search-results-80x24")
    }

    @Test func dutchMarkAllQuestion() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(50), width: 80, height: 24, settings: Self.dutch)
        driver.press(.character("A"))
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-mark-all-question-80x24")
    }

    @Test func dutchOutlineAndTooSmall() throws {
        var driver = try openSample(width: 80, height: 24, language: .dutch)
        driver.press(.character("o"))
        Snapshot.check(ReaderRenderer.render(driver.state), "nl-outline-80x24")
        let tooSmall = try openSample(width: 19, height: 4, language: .dutch)
        Snapshot.check(ReaderRenderer.render(tooSmall.state), "nl-too-small-19x4")
    }
}
