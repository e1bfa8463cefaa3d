import KrantCore
import ReaderTestSupport
import Testing

@Suite struct ReaderUpdateTests {
    @Test func firstFrameLoadsOnlyAWindow() {
        let driver = ReaderFixtures.driver(ReaderFixtures.generated(1000))
        #expect(driver.state.page.total == 1000)
        #expect(driver.state.page.unread == 1000)
        #expect(driver.state.selection == 0)
        #expect(driver.state.selectedHeadline?.title == "Bericht 1000")
        #expect(driver.source.requestedLimits.allSatisfy { $0 <= 3 * driver.state.listHeight })
    }

    @Test func listNavigationStopsAtTheEnds() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(100))
        driver.press(.character("k"), .up)
        #expect(driver.state.selection == 0)
        driver.press(.character("j"), .down)
        #expect(driver.state.selection == 2)
        driver.press(.character("G"))
        #expect(driver.state.selection == 99)
        #expect(driver.state.selectedHeadline?.title == "Bericht 1")
        #expect(driver.state.listTop == 100 - driver.state.listHeight)
        driver.press(.character("j"), .end)
        #expect(driver.state.selection == 99)
        driver.press(.character("g"))
        #expect(driver.state.selection == 0)
        driver.press(.pageDown)
        #expect(driver.state.selection == driver.state.listHeight)
        driver.press(.character("b"))
        #expect(driver.state.selection == 0)
        #expect(driver.source.requestedLimits.allSatisfy { $0 <= 3 * driver.state.listHeight })
    }

    @Test func enterOpensMarksReadAndFocusesThePane() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled())
        let id = try #require(driver.state.selectedHeadline?.id)
        let unreadBefore = driver.state.page.unread
        let effects = driver.press(.enter)
        #expect(effects.isEmpty)
        #expect(driver.state.focus == .article)
        #expect(driver.state.reading?.article.id == id)
        #expect(driver.state.selectedHeadline?.isRead == true)
        #expect(driver.state.page.unread == unreadBefore - 1)
        #expect(try driver.source.article(id: id)?.isRead == true)
    }

    @Test func updateReturnsStoreWritesAsEffects() throws {
        var state = ReaderState()
        _ = state.update(.resized(width: 80, height: 24))
        let headline = Headline(id: 7, title: "Zeven")
        _ = state.update(.headlinesLoaded(HeadlinePage(query: HeadlineQuery(), offset: 0, rows: [headline], total: 1, unread: 1)))
        #expect(state.update(.open) == [.loadArticle(id: 7), .setRead([7], true, in: HeadlineQuery())])
        _ = state.update(.quit)
        #expect(state.update(.toggleRead) == [.setRead([7], false, in: HeadlineQuery())])
        #expect(state.update(.toggleStar) == [.setStarred([7], true, in: HeadlineQuery())])
        #expect(state.update(.quit) == [.quit])
    }

    @Test func articlePaneScrollsAndQGoesBack() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample], width: 80, height: 24)
        driver.press(.enter)
        driver.press(.character("j"), .down)
        #expect(driver.state.reading?.top == 2)
        driver.press(.character(" "))
        #expect(driver.state.reading?.top == 2 + driver.state.articleHeight - 1)
        driver.press(.character("G"))
        let bottom = try #require(driver.state.reading).layout.lines.count - driver.state.articleHeight
        #expect(driver.state.reading?.top == bottom)
        driver.press(.character("j"))
        #expect(driver.state.reading?.top == bottom)
        driver.press(.character("g"))
        #expect(driver.state.reading?.top == 0)
        driver.press(.character("k"))
        #expect(driver.state.reading?.top == 0)
        #expect(ReaderRenderer.render(driver.state).textLines[driver.state.listHeight].hasPrefix("━━━"))
        #expect(driver.press(.character("q")).isEmpty)
        #expect(driver.state.focus == .list)
        #expect(ReaderRenderer.render(driver.state).textLines[driver.state.listHeight].hasPrefix("───"))
        driver.press(.tab)
        #expect(driver.state.focus == .article)
        driver.press(.tab)
        #expect(driver.state.focus == .list)
        #expect(driver.press(.character("q")) == [.quit])
    }

    /// A long saved report: it opens, pages, goes to its end with `G`, to
    /// its last section with `[` and back to the top with `g`, and the
    /// screen shows the lines each key leads to.
    @Test func aLongArticleOpensAndJumpsToItsEndAndLastSection() throws {
        var blocks: [Block] = []
        for index in 0..<2_000 {
            if index % 50 == 0 { blocks.append(.section("Deel \(index / 50 + 1)")) }
            blocks.append(.paragraph("Alinea \(index + 1): het verslag gaat voort met café, reünie en meer woorden die de regel vullen."))
        }
        let article = Article(id: 1, source: "NOS Nieuws", title: "Liveblog", blocks: blocks)
        var driver = ReaderFixtures.driver([article], width: 80, height: 24)
        driver.press(.enter)
        var reading = try #require(driver.state.reading)
        #expect(reading.layout.lineCount == reading.layout.plainLines.count)
        #expect(ReaderRenderer.render(driver.state).textLines.contains { $0.contains("Liveblog") })
        driver.press(.pageDown)
        #expect(driver.state.reading?.top == driver.state.articleHeight - 1)
        driver.press(.character("G"))
        reading = try #require(driver.state.reading)
        #expect(reading.top == reading.layout.lineCount - driver.state.articleHeight)
        #expect(ReaderRenderer.render(driver.state).textLines.contains { $0.contains("Alinea 2000:") })
        driver.press(.character("["))
        reading = try #require(driver.state.reading)
        #expect(driver.state.currentSection == "Deel 40")
        #expect(reading.layout.plainLines[reading.top] == "§ Deel 40")
        #expect(ReaderRenderer.render(driver.state).textLines.contains { $0.contains("§ Deel 40") })
        driver.press(.character("g"))
        #expect(driver.state.reading?.top == 0)
        #expect(driver.state.currentSection == nil)
    }

    @Test func sectionJumpsPutTheHeadingOnTop() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.enter, .character("]"))
        let reading = try #require(driver.state.reading)
        #expect(reading.layout.plainLines[reading.top] == "§ Balanceeract")
        #expect(driver.state.currentSection == "Balanceeract")
        driver.press(.character("]"))
        #expect(driver.state.reading?.top == reading.top)
        #expect(driver.state.message == "No next section")
        driver.press(.character("["))
        #expect(driver.state.message == "No previous section")
        #expect(driver.state.reading?.top == reading.top)
    }

    @Test func captionJumpsVisitEveryCaptionInOrder() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.enter)
        // The lead caption is below the title, so the first } goes there.
        driver.press(.character("}"))
        var reading = try #require(driver.state.reading)
        #expect(reading.layout.plainLines[reading.top].hasPrefix("│ ANP · Poetin verwelkomt"))
        driver.press(.character("}"))
        reading = try #require(driver.state.reading)
        #expect(reading.layout.plainLines[reading.top].hasPrefix("│ ANP · De welkomstceremonie"))
        driver.press(.character("}"))
        #expect(driver.state.message == "No next caption")
        #expect(driver.state.reading?.top == reading.top)
        driver.press(.character("{"))
        reading = try #require(driver.state.reading)
        #expect(reading.layout.plainLines[reading.top].hasPrefix("│ ANP · Poetin verwelkomt"))
    }

    @Test func jumpsWithoutAnArticleSaySo() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.press(.character("]"))
        #expect(driver.state.message == "Open an article with Enter first")
        driver.press(.character("o"))
        #expect(driver.state.overlay == .none)
    }

    @Test func outlineListsLandmarksAndJumps() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.enter, .character("o"))
        guard case .outline(let menu) = driver.state.overlay else {
            Issue.record("no outline")
            return
        }
        #expect(menu.entries.map(\.kind) == [.leadCaption, .caption, .section])
        #expect(menu.entries[2].label == "Balanceeract")
        #expect(menu.selection == 0)
        driver.press(.character("j"), .character("j"), .enter)
        #expect(driver.state.overlay == .none)
        #expect(driver.state.focus == .article)
        #expect(driver.state.reading?.top == driver.state.reading?.layout.firstLine(of: menu.entries[2].anchor))
        #expect(driver.state.reading?.layout.plainLines[driver.state.reading?.top ?? 0] == "§ Balanceeract")
        driver.press(.character("o"), .escape)
        #expect(driver.state.overlay == .none)
    }

    @Test func nextAndPreviousUnread() {
        var articles = ReaderFixtures.generated(10)
        // Newest first: ids 10…1. Leave 8 and 3 unread.
        for index in articles.indices where ![8, 3].contains(articles[index].id!) { articles[index].isRead = true }
        var driver = ReaderFixtures.driver(articles)
        driver.press(.character("n"))
        #expect(driver.state.selectedHeadline?.id == 8)
        driver.press(.character("n"))
        #expect(driver.state.selectedHeadline?.id == 3)
        driver.press(.character("n"))
        #expect(driver.state.selectedHeadline?.id == 3)
        #expect(driver.state.message == "No unread articles below")
        driver.press(.character("N"))
        #expect(driver.state.selectedHeadline?.id == 8)
        driver.press(.character("N"))
        #expect(driver.state.message == "No unread articles above")
    }

    /// Opening an article in the unread view leaves its row in place (read)
    /// until the view reloads; n and N must still land on the neighbours.
    @Test func nextAndPreviousUnreadInTheUnreadViewAfterOpening() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(6))
        driver.press(.character("u"), .character("j"), .enter, .character("q"))
        #expect(driver.state.selection == 1)
        let rows = driver.state.page.rows.map(\.id)
        driver.press(.character("n"))
        #expect(driver.state.selectedHeadline?.id == rows[2])
        // Back over the opened (now read) row to the first one.
        driver.press(.character("N"))
        #expect(driver.state.selectedHeadline?.id == rows[0])
        #expect(driver.state.message == nil)
        driver.press(.character("N"))
        #expect(driver.state.message == "No unread articles above")
    }

    @Test func nextUnreadWhileReadingOpensIt() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(5))
        driver.press(.enter)
        #expect(driver.state.reading?.article.id == 5)
        driver.press(.character("n"))
        #expect(driver.state.reading?.article.id == 4)
        #expect(driver.state.page.unread == 3)
    }

    @Test func toggleReadAndUnreadOnlyView() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(6))
        driver.press(.character("r"))
        #expect(driver.state.selectedHeadline?.isRead == true)
        #expect(driver.state.page.unread == 5)
        driver.press(.character("u"))
        #expect(driver.state.query.unreadOnly)
        #expect(driver.state.page.total == 5)
        #expect(driver.state.page.rows.allSatisfy { !$0.isRead })
        // Opening in the unread view keeps the row until the view reloads.
        driver.press(.enter, .character("q"))
        #expect(driver.state.page.total == 5)
        #expect(driver.state.page.unread == 4)
        driver.press(.character("u"), .character("u"))
        #expect(driver.state.page.total == 4)
        driver.press(.character("r"))
        driver.press(.character("u"))
        #expect(driver.state.page.total == 6)
        #expect(driver.state.viewName == "all")
    }

    @Test func markAllReadAsksWhenTheViewIsLongerThanAScreen() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(50))
        driver.press(.character("A"))
        #expect(driver.state.overlay == .confirmMarkAll(MarkAllConfirmation(count: 50)))
        driver.press(.character("n"))
        #expect(driver.state.overlay == .none)
        #expect(driver.state.page.unread == 50)
        driver.press(.character("A"), .character("y"))
        #expect(driver.state.page.unread == 0)
        #expect(driver.source.articles.allSatisfy { $0.isRead })
        #expect(driver.state.message == "Marked 50 articles read")
    }

    @Test func markAllReadOfAShortViewNeedsNoConfirmation() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.press(.character("A"))
        #expect(driver.state.overlay == .none)
        #expect(driver.state.page.unread == 0)
    }

    @Test func categoryPicker() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(10))
        driver.press(.character("c"))
        guard case .categories(let menu) = driver.state.overlay else {
            Issue.record("no category picker")
            return
        }
        #expect(menu.entries.map { $0.label(in: .english) } == ["All", "Binnenland", "Sport", "NOS Nieuws"])
        #expect(menu.entries.map(\.unread) == [10, 5, 5, 10])
        driver.press(.character("j"), .character("j"), .enter)
        #expect(driver.state.query.category == "Sport")
        #expect(driver.state.page.total == 5)
        #expect(driver.state.viewName == "Sport")
        driver.press(.character("c"), .enter)
        #expect(driver.state.query.category == "Sport")
        driver.press(.character("c"), .character("g"), .enter)
        #expect(driver.state.query.category == nil)
        #expect(driver.state.page.total == 10)
    }

    @Test func searchReplacesTheListUntilEscape() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled())
        driver.press(.character("/"))
        #expect(driver.state.overlay == .search(SearchPrompt("")))
        driver.type("oekrainx")
        driver.press(.backspace)
        driver.type("e")
        driver.press(.enter)
        #expect(driver.state.query.search == "oekraine")
        #expect(driver.state.page.total == 1)
        #expect(driver.state.selectedHeadline?.title == "Na Noord-Korea krijgt Poetin ook warm onthaal in Vietnam")
        let status = ReaderRenderer.render(driver.state).textLines.last ?? ""
        #expect(status.contains("1 result, 1 unread"))
        driver.press(.escape)
        #expect(driver.state.query.search == nil)
        #expect(driver.state.page.total == 5)
    }

    @Test func theChooserShowsAMillionArticlesWhole() {
        var state = ReaderState(width: 80, height: 24)
        _ = state.update(.categoriesLoaded([CategoryCount(name: "Binnenland", total: 143_135, unread: 2)], feeds: [],
                                           all: ChooserEntry(kind: .all, total: 1_000_000, unread: 1_000_000)))
        let screen = ReaderRenderer.render(state).textLines
        #expect(screen.contains { $0.contains("│All                      1000000 unread of 1000000 │") })
        #expect(screen.contains { $0.contains("│Binnenland               2 unread of 143135        │") })
    }

    /// Opening shows the article at once; its mark is written before
    /// anything reads the view back, so the unread view leaves it out.
    @Test func aMarkIsStoredBeforeTheViewIsReadBack() throws {
        let writer = DeferredWriter()
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(5), writer: writer)
        #expect(driver.press(.enter).isEmpty)
        #expect(driver.state.reading?.article.id == 5)
        #expect(driver.state.selectedHeadline?.isRead == true)
        // The key did not wait for the write.
        #expect(writer.pendingWrites == 1)
        #expect(driver.source.articles.first { $0.id == 5 }?.isRead == false)
        driver.press(.character("q"), .character("u"))
        #expect(writer.pendingWrites == 0)
        #expect(writer.waitsForMarks == 1)
        #expect(driver.source.articles.first { $0.id == 5 }?.isRead == true)
        #expect(driver.state.page.rows.map(\.id) == [4, 3, 2, 1])
        #expect(driver.state.page.total == 4)
    }

    /// `A` does not hold the next key up, and a mark made after it is
    /// written after it: marking one article unread again sticks.
    @Test func markAllReadNeverOvertakesALaterMark() throws {
        let writer = DeferredWriter()
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3), writer: writer)
        driver.press(.character("A"))
        #expect(driver.state.page.unread == 0)
        #expect(driver.source.articles.allSatisfy { !$0.isRead })
        driver.press(.character("j"), .character("r"))
        #expect(driver.state.selectedHeadline?.isRead == false)
        #expect(writer.pendingWrites == 2)
        // Anything that reads the view writes both first, in order; the
        // committed mark-all-read then reloads the view.
        driver.press(.character("u"), .character("u"))
        #expect(writer.pendingWrites == 0)
        #expect(driver.source.articles.map(\.isRead) == [true, false, true])
        _ = driver.send(.failed("nothing"))
        #expect(driver.state.page.unread == 1)
        #expect(driver.state.page.rows.map(\.isRead) == [true, false, true])
    }

    @Test func aSearchSaysWhatTheIndexHasNotTakenInYet() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled())
        driver.source.unsearched = 12_000
        driver.press(.character("/"))
        driver.type("oekraine")
        driver.press(.enter)
        var status = ReaderRenderer.render(driver.state).textLines.last ?? ""
        #expect(status.contains("1 result, 1 unread · 12000 not indexed yet"))

        // The index catches up (the runtime then reports a store change).
        driver.source.unsearched = 0
        _ = driver.send(.storeChanged)
        status = ReaderRenderer.render(driver.state).textLines.last ?? ""
        #expect(status.contains("1 result, 1 unread"))
        #expect(!status.contains("indexed"))

        // Lists that are not searches never mention it.
        driver.source.unsearched = 5
        driver.press(.escape)
        status = ReaderRenderer.render(driver.state).textLines.last ?? ""
        #expect(status.contains("5 unread of 5"))
        #expect(!status.contains("indexed"))
    }

    @Test func aSearchWithoutAWordIsRefused() throws {
        var driver = ReaderFixtures.driver(try ReaderFixtures.bundled())
        driver.press(.character("/"))
        driver.type("...")
        driver.press(.enter)
        #expect(driver.state.query.search == nil)
        #expect(driver.state.message == "Search for a word: letters or digits")
        #expect(driver.state.page.total == 5)
    }

    @Test func outlineJumpsRightAfterAResize() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample], width: 100, height: 30)
        driver.press(.enter, .character("o"), .character("j"), .character("j"))
        _ = driver.send(.resized(width: 40, height: 20))
        driver.press(.enter)
        let reading = try #require(driver.state.reading)
        #expect(reading.layout.width == 38)
        #expect(reading.layout.plainLines[reading.top] == "§ Balanceeract")
    }

    @Test func helpStopsScrollingAtItsLastPage() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(2), width: 80, height: 24)
        driver.press(.character("?"))
        for _ in 0..<40 { driver.press(.character("j")) }
        let last = driver.state.helpBindings.count - driver.state.helpVisibleRows
        #expect(driver.state.overlay == .help(HelpScreen(top: last)))
        driver.press(.character("k"))
        #expect(driver.state.overlay == .help(HelpScreen(top: last - 1)))
        driver.press(.character("g"))
        #expect(driver.state.overlay == .help(HelpScreen(top: 0)))
        driver.press(.character("G"))
        #expect(driver.state.overlay == .help(HelpScreen(top: last)))
    }

    @Test func resizeKeepsTheSameBlockOnTop() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample], width: 80, height: 24)
        driver.press(.enter, .character("]"), .character("j"), .character("j"))
        var reading = try #require(driver.state.reading)
        let anchor = reading.layout.anchors[reading.top]
        _ = driver.send(.resized(width: 50, height: 30))
        reading = try #require(driver.state.reading)
        #expect(reading.layout.width == 48)
        #expect(reading.layout.anchors[reading.top] == anchor)
        #expect(reading.top > 0)
    }

    @Test func newArticlesDoNotMoveTheSelection() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(20))
        driver.press(.character("j"), .character("j"))
        let selected = driver.state.selectedHeadline?.id
        let newer = Article(id: 100, title: "Nieuw", published: PublishedDate(year: 2030, month: 1, day: 1))
        driver.source.articles.append(newer)
        _ = driver.send(.storeChanged)
        #expect(driver.state.selectedHeadline?.id == selected)
        #expect(driver.state.selection == 3)
        #expect(driver.state.page.total == 21)
    }

    @Test func starAndBrowser() {
        var articles = ReaderFixtures.generated(2)
        articles[1].url = "https://nos.nl/artikel/1"
        var driver = ReaderFixtures.driver(articles)
        driver.press(.character("s"))
        #expect(driver.state.selectedHeadline?.isStarred == true)
        #expect(driver.source.articles[1].isStarred)
        driver.press(.character("O"))
        #expect(driver.state.message == "Open an article with Enter first")
        #expect(driver.press(.enter, .character("O")) == [.openURL("https://nos.nl/artikel/1")])
        driver.press(.character("q"), .character("j"), .enter)
        #expect(driver.press(.character("O")).isEmpty)
        #expect(driver.state.message == "This article has no link")
    }

    @Test func fullScreenArticle() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample])
        driver.press(.character("z"))
        #expect(!driver.state.fullScreenArticle)
        driver.press(.enter, .character("z"))
        #expect(driver.state.fullScreenArticle)
        #expect(driver.state.layout.list == nil)
        #expect(driver.state.articleHeight == 23)
        driver.press(.character("q"))
        #expect(!driver.state.fullScreenArticle)
        #expect(driver.state.focus == .list)
    }

    /// Help lists every key of the list and article from the keymap, as
    /// "keys  what they do", and closes with Esc; `q` then quits.
    @Test func helpListsEveryBindingAndClosesWithEscape() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(2), width: 80, height: 24)
        driver.press(.character("?"))
        #expect(driver.state.overlay == .help(HelpScreen(top: 0)))
        // Every page of the window, as drawn.
        var shown: [String] = []
        for _ in 0..<3 {
            shown += ReaderRenderer.render(driver.state).textLines
            driver.press(.pageDown)
        }
        let bindings = Keymap.standard.bindings(in: .reader)
        #expect(bindings.count == 31)
        for binding in bindings {
            let keys = binding.keys.map(\.label).joined(separator: ", ")
            let padded = keys + String(repeating: " ", count: max(0, 14 - keys.count))
            #expect(shown.contains { $0.contains("│\(padded) \(UIText(.english).help(for: binding))") }, "help lacks \(keys): \(UIText(.english).help(for: binding))")
        }
        // Keys that mean something else in help are not listed as if they held there.
        #expect(!shown.contains { $0.contains("next entry") })
        driver.press(.escape)
        #expect(driver.state.overlay == .none)
        #expect(driver.press(.character("q")) == [.quit])
    }

    /// Inside a window, keys are the window's own actions (choose, close),
    /// never the reader's open and quit.
    @Test func windowsHaveTheirOwnKeys() {
        #expect(Keymap.standard.action(for: .enter, in: .outline) == .menu(.choose))
        #expect(Keymap.standard.action(for: .character("q"), in: .chooser) == .menu(.close))
        #expect(Keymap.standard.action(for: .character("o"), in: .outline) == .menu(.close))
        #expect(Keymap.standard.action(for: .character("q"), in: .help) == .menu(.close))
        #expect(Keymap.standard.action(for: .enter, in: .searchPrompt) == .prompt(.submit))
        #expect(Keymap.standard.action(for: .character("q"), in: .searchPrompt) == .prompt(.input("q")))
        #expect(Keymap.standard.action(for: .escape, in: .confirmation) == .confirm(false))
        #expect(Keymap.standard.action(for: .character("j"), in: .confirmation) == nil)
        // No key is bound twice in one situation.
        for situation in KeySituation.allCases {
            let keys = Keymap.standard.bindings(in: situation).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(situation)")
        }
    }

    /// Below the smallest usable size the reader says so, as much of it as
    /// fits; from 20x5 on it draws the list, the article and the status bar.
    @Test func tinyTerminalsShowWhatFits() throws {
        var driver = ReaderFixtures.driver([try ReaderFixtures.sample], width: 1, height: 1)
        driver.press(.enter, .character("j"), .character("]"), .character("o"), .character("?"), .character("z"))
        #expect(ReaderRenderer.render(driver.state).textLines == ["…"])
        let expected: [(width: Int, height: Int, lines: [String])] = [
            (0, 0, []),
            (2, 1, ["T…"]),
            (5, 3, ["Termi", " nal ", "too… "]),
            (19, 4, ["                   ", "Terminal too small ", "     for krant     ", "                   "]),
            (21, 2, [" Terminal too small  ", "      for krant      "]),
        ]
        for (width, height, lines) in expected {
            _ = driver.send(.resized(width: width, height: height))
            let screen = ReaderRenderer.render(driver.state)
            #expect(screen.width == width && screen.height == height)
            #expect(screen.textLines == lines, "at \(width)x\(height)")
        }
        // The outline opened at 1x1 is still open, on the section jumped to.
        _ = driver.send(.resized(width: 20, height: 5))
        #expect(ReaderRenderer.render(driver.state).textLines == [
            " ┌─ Outline ──────┐…",
            "━│§ Balanceeract  │━",
            "§└───────── 3–3/3 ┘ ",
            "                    ",
            " all · 0 unread of… ",
        ])
        driver.press(.escape)
        #expect(ReaderRenderer.render(driver.state).textLines == [
            "   Na Noord-Korea k…",
            "━━━━━━━━━━━━━ 64% ━━",
            "§ Balanceeract      ",
            "                    ",
            " all · 0 unread of… ",
        ])
    }
}

@Suite struct ReaderDriverTests {
    @Test func scrollingDoesNotRecountTheView() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(500))
        let counted = driver.source.countCalls
        driver.press(.character("G"), .character("g"), .pageDown, .pageDown)
        #expect(driver.source.countCalls == counted)
        // Marking read moves the cached counts instead of counting again.
        driver.press(.character("r"), .pageDown, .enter, .character("q"), .pageDown)
        #expect(driver.source.countCalls == counted)
        #expect(driver.state.page.unread == 498)
        #expect(try driver.source.counts(driver.state.query).unread == 498)
        driver.press(.character("u"), .character("r"), .character("G"))
        #expect(driver.state.page.total == 497)
        #expect(try driver.source.counts(driver.state.query).total == 497)
        let before = driver.source.countCalls
        driver.press(.character("u"), .character("u"), .character("u"), .character("c"))
        #expect(driver.source.countCalls == before)
        #expect(driver.state.page.unread == 497)
        _ = driver.send(.storeChanged)
        #expect(driver.source.countCalls == before + 1)
    }
}
