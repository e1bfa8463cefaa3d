@testable import KrantCore
import ReaderTestSupport
import Testing

/// The reader must reach any place in a long view for the distance it moves,
/// not the position: these tests count the rows the source walks.
@Suite struct ReaderWindowTests {
    /// Read except the articles at `unreadPositions` (positions in list order).
    static func driver(_ count: Int, unreadPositions: Set<Int>) -> ReaderDriver<InMemorySource> {
        var articles = ReaderFixtures.generated(count)
        for index in articles.indices { articles[index].isRead = !unreadPositions.contains(count - 1 - index) }
        return ReaderFixtures.driver(articles)
    }

    @Test func nextUnreadInTheWindowAsksTheSourceNothing() {
        var driver = Self.driver(200, unreadPositions: [5, 20])
        let (limits, walked) = (driver.source.requestedLimits, driver.source.rowsWalked)
        driver.press(.character("n"))
        #expect(driver.state.selection == 5)
        driver.press(.character("n"))
        #expect(driver.state.selection == 20)
        driver.press(.character("N"))
        #expect(driver.state.selection == 5)
        #expect(driver.source.requestedLimits == limits)
        #expect(driver.source.rowsWalked == walked)
    }

    @Test func nextUnreadAcrossAPageBoundaryWalksTheGapNotThePosition() {
        var driver = Self.driver(5000, unreadPositions: [4000, 4500])
        driver.press(.character("n"))
        #expect(driver.state.selection == 4000)
        #expect(driver.state.selectedHeadline?.title == "Bericht 1000")
        let walked = driver.source.rowsWalked
        driver.press(.character("n"))
        #expect(driver.state.selection == 4500)
        #expect(driver.state.selectedHeadline?.title == "Bericht 500")
        // The gap (about 440 rows past the window) and a window: not 4,500.
        #expect(driver.source.rowsWalked - walked < 700)
        driver.press(.character("N"))
        #expect(driver.state.selection == 4000)
        #expect(driver.state.selectedHeadline?.title == "Bericht 1000")
        driver.press(.character("N"))
        #expect(driver.state.message == "No unread articles above")
        driver.press(.character("j"), .character("k"), .character("k"))
        #expect(driver.state.selectedHeadline?.title == "Bericht 1001")
    }

    @Test func nextUnreadWhileReadingOpensItAndMarksItRead() {
        var driver = Self.driver(3000, unreadPositions: [0, 2000])
        driver.press(.enter)
        driver.press(.character("n"))
        #expect(driver.state.reading?.article.title == "Bericht 1000")
        #expect(driver.state.selectedHeadline?.isRead == true)
        #expect(driver.state.page.unread == 0)
    }

    @Test func goToTheBottomReadsOnlyTheLastWindow() {
        var driver = Self.driver(10000, unreadPositions: [])
        let walked = driver.source.rowsWalked
        driver.press(.character("G"))
        #expect(driver.state.selection == 9999)
        #expect(driver.state.selectedHeadline?.title == "Bericht 1")
        driver.press(.character("k"))
        #expect(driver.state.selectedHeadline?.title == "Bericht 2")
        for _ in 0..<5 { driver.press(.pageUp) }
        #expect(driver.state.selectedHeadline?.title == "Bericht \(2 + 5 * driver.state.listHeight)")
        #expect(driver.source.rowsWalked - walked < 1000)
        driver.press(.character("g"))
        #expect(driver.state.selectedHeadline?.title == "Bericht 10000")
    }

    @Test func aReloadFindsTheKeptArticleFromTheNearerEnd() {
        var driver = Self.driver(10000, unreadPositions: [9990])
        driver.press(.character("G"), .character("k"))
        let selected = driver.state.selectedHeadline?.id
        let walked = driver.source.rowsWalked
        _ = driver.send(.storeChanged)
        #expect(driver.state.selectedHeadline?.id == selected)
        #expect(driver.state.selection == 9998)
        #expect(driver.source.rowsWalked - walked < 500)
    }

    /// Whatever the path taken, the loaded window holds exactly the rows the
    /// view has at those positions.
    @Test func windowsMatchTheViewAfterAnyKeys() {
        var driver = Self.driver(3000, unreadPositions: Set(stride(from: 7, to: 3000, by: 97)))
        var random = SplitMix(seed: 7)
        let keys: [Key] = [.character("j"), .character("k"), .pageDown, .pageUp, .character("G"), .character("g"),
                           .character("n"), .character("N"), .character("r"), .enter, .character("q"),
                           .character("s")]
        for _ in 0..<400 {
            driver.press(keys[Int(random.next() % UInt64(keys.count))])
            let page = driver.state.page
            let expected = (try? driver.source.headlines(page.query, offset: page.offset, limit: page.rows.count)) ?? []
            #expect(page.rows.map(\.id) == expected.map(\.id), "at \(page.offset)")
            #expect(driver.state.selectedHeadline != nil)
        }
    }

    @Test func plansReadFromTheNearestKnownPlace() {
        let anchor = ListAnchor(id: 1, index: 500)
        #expect(WindowPlan.choose(offset: 10, limit: 60, total: 1000, anchors: [anchor]) == .top(offset: 10, limit: 60))
        #expect(WindowPlan.choose(offset: 900, limit: 60, total: 1000, anchors: []) == .bottom(fromEnd: 40, limit: 60))
        #expect(WindowPlan.choose(offset: 980, limit: 60, total: 1000, anchors: []) == .bottom(fromEnd: 0, limit: 20))
        // Around the anchor: 20 rows before it, then it and 39 after.
        #expect(WindowPlan.choose(offset: 480, limit: 60, total: 1000, anchors: [anchor])
                == .anchored(anchor, beforeSkip: 0, before: 20, afterSkip: 0, after: 40))
        #expect(WindowPlan.choose(offset: 600, limit: 60, total: 1000, anchors: [anchor])
                == .anchored(anchor, beforeSkip: 0, before: 0, afterSkip: 100, after: 60))
        #expect(WindowPlan.choose(offset: 300, limit: 60, total: 1000, anchors: [anchor])
                == .anchored(anchor, beforeSkip: 140, before: 60, afterSkip: 0, after: 0))
    }
}

/// A deterministic generator for the key walk.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
