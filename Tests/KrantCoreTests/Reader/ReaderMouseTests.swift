import KrantCore
import ReaderTestSupport
import Testing

/// Clicks and the wheel, aimed where the renderer drew things: the tests find
/// their targets on the rendered screen, so a click that lands elsewhere than
/// what is drawn under it fails them.
@Suite struct ReaderMouseTests {
    // At 80×24 the list takes rows 0–8, the divider row 9, the article rows
    // 10–22 and the status bar row 23.

    @Test func aClickSelectsAHeadlineAndASecondClickOpensIt() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(20))
        let target = try #require(driver.screenPosition(of: "Bericht 17"))
        driver.click(x: target.x, y: target.y)
        #expect(driver.state.selection == 3)
        #expect(driver.state.selectedHeadline?.title == "Bericht 17")
        #expect(driver.state.reading == nil)
        #expect(driver.state.page.unread == 20)
        driver.click(x: 0, y: target.y)
        #expect(driver.state.reading?.article.title == "Bericht 17")
        #expect(driver.state.focus == .article)
        #expect(driver.state.page.unread == 19)
        #expect(driver.source.articles.first { $0.title == "Bericht 17" }?.isRead == true)
    }

    @Test func aClickOnTheHeadlineBeingReadFirstTakesTheKeysBack() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled())
        driver.press(.enter, .character("j"), .character("j"))
        #expect(driver.state.focus == .article)
        let top = try #require(driver.state.reading?.top)
        driver.click(x: 5, y: driver.state.selection)
        #expect(driver.state.focus == .list)
        #expect(driver.state.reading?.top == top, "not opened again")
        driver.click(x: 5, y: driver.state.selection)
        #expect(driver.state.focus == .article)
        #expect(driver.state.reading?.top == 0)
    }

    @Test func aClickBelowTheLastHeadlineSelectsNothing() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.click(x: 5, y: 1)
        driver.click(x: 5, y: 6)
        #expect(driver.state.selection == 1)
        #expect(driver.state.reading == nil)
    }

    @Test func aClickInTheArticleGivesItTheKeys() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(5))
        driver.click(x: 10, y: 15)
        #expect(driver.state.focus == .list, "no article open yet")
        driver.press(.enter, .character("q"))
        #expect(driver.state.focus == .list)
        driver.click(x: 10, y: 15)
        #expect(driver.state.focus == .article)
        // The divider and the status bar are neither pane.
        driver.press(.tab)
        driver.click(x: 10, y: 9)
        driver.click(x: 10, y: 23)
        #expect(driver.state.focus == .list)
    }

    @Test func theWheelOverTheArticleScrollsItWhereverTheKeysAre() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.enter, .character("q"))
        driver.wheel(.wheelDown, x: 40, y: 12)
        #expect(driver.state.reading?.top == 3)
        #expect(driver.state.focus == .list)
        driver.wheel(.wheelDown, x: 40, y: 12)
        driver.wheel(.wheelUp, x: 40, y: 12)
        #expect(driver.state.reading?.top == 3)
        driver.wheel(.wheelUp, x: 40, y: 12)
        driver.wheel(.wheelUp, x: 40, y: 12)
        #expect(driver.state.reading?.top == 0)
        let reading = try #require(driver.state.reading)
        let bottom = reading.layout.lineCount - driver.state.articleHeight
        for _ in 0..<100 { driver.wheel(.wheelDown, x: 40, y: 12) }
        #expect(driver.state.reading?.top == bottom)
    }

    @Test func theWheelOverTheListMovesTheHeadlinesNotTheSelection() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(100))
        let height = driver.state.listHeight
        driver.click(x: 5, y: 4)
        driver.wheel(.wheelDown, x: 5, y: 0)
        #expect(driver.state.listTop == 3)
        #expect(driver.state.selection == 4, "still on screen, so it stays")
        driver.wheel(.wheelDown, x: 5, y: 0)
        driver.wheel(.wheelDown, x: 5, y: 0)
        #expect(driver.state.listTop == 9)
        #expect(driver.state.selection == 9, "kept on screen, at its top")
        driver.wheel(.wheelUp, x: 5, y: 0)
        #expect(driver.state.listTop == 6)
        #expect(driver.state.selection == 9)
        for _ in 0..<50 { driver.wheel(.wheelDown, x: 5, y: 0) }
        #expect(driver.state.listTop == 100 - height)
        #expect(driver.state.selection == 100 - height)
        #expect(driver.state.selectedHeadline != nil, "the window follows")
        #expect(driver.source.requestedLimits.allSatisfy { $0 <= 3 * height })
        for _ in 0..<50 { driver.wheel(.wheelUp, x: 5, y: 0) }
        #expect(driver.state.listTop == 0)
        #expect(driver.state.selection == height - 1)
        #expect(driver.state.focus == .list)
    }

    @Test func sideBySideTheColumnsDecide() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled(), width: 160, height: 40)
        let list = try #require(driver.state.layout.list)
        let article = try #require(driver.state.layout.article)
        // The first headline starts out selected: one click opens it.
        driver.click(x: list.width - 1, y: 0)
        #expect(driver.state.reading != nil)
        #expect(driver.state.focus == .article)
        driver.click(x: list.width - 1, y: 1)
        #expect(driver.state.selection == 1)
        #expect(driver.state.focus == .list)
        driver.wheel(.wheelDown, x: article.x, y: 1)
        #expect(driver.state.reading?.top == 3)
        #expect(driver.state.selection == 1)
        driver.click(x: list.width, y: 1)
        #expect(driver.state.focus == .list, "the divider is neither pane")
        driver.click(x: article.x + article.width - 1, y: 1)
        #expect(driver.state.focus == .article)
    }

    @Test func aClickOnAnOutlineEntryJumpsToIt() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.enter, .character("o"))
        guard case .outline(let menu) = driver.state.overlay else {
            Issue.record("no outline")
            return
        }
        // The frame and the title do not choose.
        let title = try #require(driver.screenPosition(of: "Outline"))
        driver.click(x: title.x, y: title.y)
        #expect(driver.state.overlay == .outline(menu))
        let entry = try #require(driver.screenPosition(of: "§ Balanceeract"))
        driver.click(x: entry.x + 3, y: entry.y)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.focus == .article)
        #expect(driver.state.reading?.top == driver.state.reading?.layout.firstLine(of: menu.entries[2].anchor))
    }

    @Test func aClickOnAChooserEntryShowsThatView() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10))
        driver.press(.character("c"))
        let sport = try #require(driver.screenPosition(of: "Sport "))
        // Anywhere on the entry's row inside the frame, also past its text.
        driver.click(x: sport.x + 40, y: sport.y)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.query.category == "Sport")
        #expect(driver.state.page.total == 5)
    }

    @Test func aClickOutsideAWindowClosesItAndDoesNothingElse() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10))
        driver.press(.character("c"))
        guard case .categories = driver.state.overlay else {
            Issue.record("no chooser")
            return
        }
        driver.click(x: 1, y: 2)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.selection == 0, "the click did not select the headline behind it")
        #expect(driver.state.query.category == nil)

        driver.press(.enter, .character("o"))
        driver.click(x: 0, y: 23)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.reading?.top == 0)

        driver.press(.character("?"))
        driver.wheel(.wheelDown, x: 0, y: 0)
        #expect(driver.state.overlay == .help(HelpScreen(top: 0)), "the wheel outside does nothing")
        driver.click(x: 79, y: 22)
        #expect(driver.state.overlay == .none)
    }

    @Test func theWheelScrollsHelpAndMovesAMenusHighlight() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10))
        driver.press(.character("?"))
        let help = try #require(driver.screenPosition(of: "Keys (Esc closes)"))
        driver.wheel(.wheelDown, x: help.x, y: help.y + 2)
        #expect(driver.state.overlay == .help(HelpScreen(top: 3)))
        driver.click(x: help.x, y: help.y + 2)
        #expect(driver.state.overlay == .help(HelpScreen(top: 3)), "help's lines are not choices")
        driver.press(.escape, .character("c"))
        let chooser = try #require(driver.screenPosition(of: "All "))
        driver.wheel(.wheelDown, x: chooser.x, y: chooser.y)
        driver.wheel(.wheelDown, x: chooser.x, y: chooser.y)
        guard case .categories(let menu) = driver.state.overlay else {
            Issue.record("the chooser closed")
            return
        }
        #expect(menu.selected?.label(in: .english) == "Sport")
    }

    @Test func aClickOutsideTheStatusBarPromptAnswersAsEscape() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(50))
        driver.press(.character("/"))
        driver.type("kop")
        driver.click(x: 5, y: 23)
        #expect(driver.state.overlay == .search(SearchPrompt("kop")), "a click on the prompt keeps it")
        driver.click(x: 5, y: 3)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.query.search == nil)
        #expect(driver.state.selection == 0)

        driver.press(.character("A"))
        #expect(driver.state.overlay == .confirmMarkAll(MarkAllConfirmation(count: 50)))
        driver.click(x: 5, y: 3)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.message == "Nothing marked")
        #expect(driver.state.page.unread == 50)
    }

    @Test func aWindowOfOneLineIsClickedOnTheEntryItShows() throws {
        // The smallest reader: the chooser's frame holds one entry, which
        // follows the highlight.
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10), width: 20, height: 5)
        driver.press(.character("c"))
        let alle = try #require(driver.screenPosition(of: "All "))
        driver.wheel(.wheelDown, x: alle.x, y: alle.y)
        #expect(driver.screenPosition(of: "Binnenland")?.y == alle.y)
        driver.click(x: alle.x + 2, y: alle.y)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.query.category == "Binnenland")
    }

    @Test func aTerminalTooSmallForTheReaderIgnoresTheMouse() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10), width: 10, height: 3)
        for y in -1..<4 {
            for x in -1..<11 {
                driver.click(x: x, y: y)
                driver.wheel(.wheelDown, x: x, y: y)
            }
        }
        #expect(driver.state.selection == 0)
        #expect(driver.state.reading == nil)
        #expect(driver.state.listTop == 0)
    }

    @Test func clicksAnywhereNeverCrashOrLeaveTheView() {
        for (width, height) in [(20, 5), (21, 7), (80, 24), (160, 40)] {
            var driver = ReaderFixtures.driver(ReaderFixtures.generated(30), width: width, height: height)
            for key: Key in [.character("z"), .character("c"), .character("?"), .enter, .character("o")] {
                if key == .character("z") || key == .character("o") { driver.press(.enter) }
                driver.press(key)
                for y in stride(from: -1, through: height, by: 2) {
                    for x in stride(from: -1, through: width, by: 7) {
                        driver.wheel(.wheelDown, x: x, y: y)
                        driver.wheel(.wheelUp, x: x, y: y)
                    }
                }
                driver.click(x: width / 2, y: height / 2)
                #expect(driver.state.selection >= 0 && driver.state.selection < 30)
                driver.press(.escape, .character("q"))
            }
        }
    }
}

extension ReaderDriver {
    mutating func click(x: Int, y: Int) {
        _ = send(.mouse(MouseEvent(.click, x: x, y: y)))
    }

    mutating func wheel(_ kind: MouseEvent.Kind, x: Int, y: Int) {
        _ = send(.mouse(MouseEvent(kind, x: x, y: y)))
    }

    /// The column and row where `text` is drawn first on the screen.
    func screenPosition(of text: String) -> (x: Int, y: Int)? {
        for (row, line) in ReaderRenderer.render(state).textLines.enumerated() {
            if let range = line.range(of: text) {
                return (DisplayWidth.of(line[..<range.lowerBound]), row)
            }
        }
        return nil
    }
}
