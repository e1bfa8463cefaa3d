import KrantCore
import ReaderTestSupport
import Testing

/// Saved queries in the reader's state: offered by the chooser with their
/// counts, shown by name, marked as the current entry, left with Esc.
@Suite struct SavedQueryReaderTests {
    @Test func aSavedQueryIsChosenNamedAndLeft() throws {
        var settings = ReaderSettings()
        settings.savedQueries = [SavedQuery(name: "Zevens", search: "7 OR 17"), SavedQuery(name: "Geen", search: "zeehond")]
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(20), settings: settings)
        _ = driver.press(.character("c"))
        guard case .categories(let menu) = driver.state.overlay else { Issue.record("no chooser"); return }
        #expect(menu.entries[1].label(in: .english) == "Zevens")
        #expect(menu.entries[1].total == 2)
        #expect(menu.entries[2].total == 0)
        _ = driver.press(.character("j"), .enter)
        #expect(driver.state.savedQueryName == "Zevens")
        #expect(driver.state.page.total == 2)
        #expect(driver.state.viewName == "Zevens")
        // Opened again, the chooser stands on the saved query, not on All.
        _ = driver.press(.character("c"))
        guard case .categories(let again) = driver.state.overlay else { Issue.record("no chooser"); return }
        #expect(again.selection == 1)
        _ = driver.press(.escape, .escape)
        #expect(driver.state.savedQueryName == nil)
        #expect(driver.state.page.total == 20)

        // A malformed search is said, and the view stays.
        _ = driver.press(.character("/"), .character("\""), .character("a"), .enter)
        #expect(driver.state.message == "Search: a quote \" is not closed")
        #expect(driver.state.query.search == nil)
    }
}
