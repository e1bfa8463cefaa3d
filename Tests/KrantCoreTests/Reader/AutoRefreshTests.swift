import KrantCore
import ReaderTestSupport
import Testing

/// `refresh_minutes`: the reader's own fetches, scheduled by the times
/// `Action.tick` brings, and the status bar's word on the last fetch.
@Suite struct AutoRefreshTests {
    static func time(_ seconds: Double, _ hour: Int = 14, _ minute: Int = 5) -> ReaderTime {
        ReaderTime(monotonic: seconds, hour: hour, minute: minute)
    }

    static func driver(every seconds: Double?, language: Language = .english) -> ReaderDriver<InMemorySource> {
        var settings = ReaderSettings(language: language)
        settings.refreshSeconds = seconds
        return ReaderFixtures.driver(ReaderFixtures.generated(5), width: 100, settings: settings)
    }

    static func statusLine(_ state: ReaderState) -> String {
        ReaderRenderer.render(state).textLines.last ?? ""
    }

    @Test func offByDefaultNoTickFetches() {
        var driver = Self.driver(every: nil)
        for second in stride(from: 0.0, through: 10_000, by: 500) {
            #expect(driver.send(.tick(Self.time(second))).isEmpty)
        }
        #expect(driver.state.fetchProgress == nil)
    }

    @Test func fetchesWhenDueAndThenEveryInterval() {
        var driver = Self.driver(every: 60)
        // The first tick starts the clock: no fetch at start.
        #expect(driver.send(.tick(Self.time(1000))).isEmpty)
        #expect(driver.send(.tick(Self.time(1059.9))).isEmpty)
        #expect(driver.send(.tick(Self.time(1060))) == [.fetchFeeds])
        #expect(driver.state.fetchProgress == "fetching…")
        #expect(driver.send(.tick(Self.time(1062))).isEmpty)
        _ = driver.send(.fetchFinished(feeds: 2, newArticles: 3, failed: 0))
        // The next is an interval after the end of this one.
        #expect(driver.send(.tick(Self.time(1121))).isEmpty)
        #expect(driver.send(.tick(Self.time(1122))) == [.fetchFeeds])
    }

    @Test func neverTwoFetchesAtOnce() {
        var driver = Self.driver(every: 60)
        _ = driver.send(.tick(Self.time(0)))
        // The user's fetch runs when the timer's is due: skipped.
        #expect(driver.press(.character("R")) == [.fetchFeeds])
        #expect(driver.send(.tick(Self.time(60))).isEmpty)
        #expect(driver.send(.tick(Self.time(200))).isEmpty)
        // And the user's key while the timer's fetch runs only says so.
        _ = driver.send(.fetchFinished(feeds: 1, newArticles: 0, failed: 0))
        #expect(driver.send(.tick(Self.time(260))) == [.fetchFeeds])
        #expect(driver.press(.character("R")).isEmpty)
        #expect(driver.state.message == "Already fetching")
    }

    @Test func aReadOnlyStoreIsNotFetchedByTheTimer() {
        var driver = Self.driver(every: 60)
        _ = driver.send(.storeReadOnly)
        _ = driver.send(.tick(Self.time(0)))
        #expect(driver.send(.tick(Self.time(61))).isEmpty)
    }

    @Test func anOpenWindowDoesNotHoldTheTimerUp() {
        var driver = Self.driver(every: 60)
        _ = driver.send(.tick(Self.time(0)))
        driver.press(.character("?"))
        #expect(driver.send(.tick(Self.time(60))) == [.fetchFeeds])
        guard case .help = driver.state.overlay else { Issue.record("help closed"); return }
    }

    @Test func theStatusBarSaysWhenTheLastFetchEndedAndWhatItBrought() {
        var driver = Self.driver(every: 60)
        #expect(!Self.statusLine(driver.state).contains("fetched"))
        _ = driver.send(.tick(Self.time(0, 9, 7)))
        _ = driver.send(.tick(Self.time(60, 9, 8)))
        _ = driver.send(.tick(Self.time(61, 9, 8)))
        _ = driver.send(.fetchFinished(feeds: 2, newArticles: 3, failed: 0))
        // A fetch of its own puts no message up; the quiet part says it.
        #expect(driver.state.message == nil)
        #expect(Self.statusLine(driver.state).hasSuffix(" fetched 09:08: 3 new · ? help "))
        #expect(Self.statusLine(driver.state).hasPrefix(" all · 5 unread of 5"))
        // A message covers it for one key, then it is back.
        driver.press(.character("]"))
        #expect(!Self.statusLine(driver.state).contains("fetched"))
        driver.press(.character("j"))
        #expect(Self.statusLine(driver.state).contains("fetched 09:08: 3 new"))
    }

    @Test func theUsersFetchAndFailuresStillSayTheirSummary() {
        var driver = Self.driver(every: 60)
        _ = driver.send(.tick(Self.time(0)))
        driver.press(.character("R"))
        _ = driver.send(.fetchFinished(feeds: 2, newArticles: 1, failed: 0))
        #expect(driver.state.message == "Fetched 2 feeds: 1 new")
        _ = driver.send(.tick(Self.time(61)))
        _ = driver.send(.fetchFinished(feeds: 2, newArticles: 0, failed: 1))
        #expect(driver.state.message == "Fetched 2 feeds: 0 new, 1 failed")
    }

    @Test func dutchStatusAndTitle() {
        var driver = Self.driver(every: 60, language: .dutch)
        _ = driver.send(.tick(Self.time(0, 23, 59)))
        _ = driver.send(.tick(Self.time(60, 23, 59)))
        _ = driver.send(.fetchFinished(feeds: 1, newArticles: 12, failed: 0))
        #expect(Self.statusLine(driver.state).contains("opgehaald 23:59: 12 nieuw"))
        #expect(driver.state.terminalTitle(unread: 12) == "krant: 12 ongelezen")
        #expect(ReaderState(settings: ReaderSettings()).terminalTitle(unread: 1) == "krant: 1 unread")
    }

    /// A narrow bar keeps the view's counts whole, as every message does.
    @Test func aNarrowBarKeepsTheCounts() {
        var driver = Self.driver(every: 60)
        _ = driver.send(.resized(width: 40, height: 24))
        _ = driver.send(.tick(Self.time(0)))
        _ = driver.send(.tick(Self.time(60)))
        _ = driver.send(.fetchFinished(feeds: 1, newArticles: 3, failed: 0))
        let line = Self.statusLine(driver.state)
        #expect(line.hasPrefix(" all · 5 unread of 5"))
        #expect(line.contains("fetched"))
    }
}
