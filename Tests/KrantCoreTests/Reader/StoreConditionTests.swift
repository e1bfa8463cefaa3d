import KrantCore
import Testing

/// What the status bar says about the store itself: read-only, or damaged
/// (for the rest of the session), and a message never glued to the counts.
@Suite struct StoreConditionTests {
    static let damage = "store damaged: /home/lezer/.local/share/krant/krant.db (database disk image is malformed); "
        + "nothing more was written to it; `krant repair` copies what can be read into a new store"

    static func status(_ driver: ReaderDriver<some ReaderDataSource>) -> String {
        ReaderRenderer.render(driver.state).textLines.last ?? ""
    }

    @Test func aLongMessageNeverRunsIntoTheCounts() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(800))
        _ = driver.send(.failed("Could not read the store (\(Self.damage))"))
        let status = Self.status(driver)
        #expect(status.hasPrefix(" all · 800 unread of 800 Could not read the store (store damaged: /home/lezer/"),
                "\(status)")
        #expect(status.count == 80)
        // Narrower, the counts are cut, and a blank column still parts them.
        _ = driver.send(.resized(width: 40, height: 24))
        #expect(Self.status(driver) == " all · 800 unread of 8… Could not read… ", "\(Self.status(driver))")
    }

    @Test func aReadOnlyStoreIsSaidAfterTheCountsAllTheTime() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(800))
        _ = driver.send(.storeReadOnly)
        #expect(Self.status(driver).hasPrefix(" all · 800 unread of 800 · read-only "))
        driver.press(.character("j"), .character("u"))
        #expect(Self.status(driver).hasPrefix(" unread · 800 unread of 800 · read-only "))
    }

    /// The damage stays in the status bar after every key; a failure that
    /// only repeats it adds nothing, another message shows until the next key.
    @Test func damageIsSaidForTheRestOfTheSession() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(800))
        _ = driver.send(.failed("Could not read the store (\(Self.damage))"))
        _ = driver.send(.storeDamaged(Self.damage))
        #expect(driver.state.message == nil)
        let shown = " all · 800 unread of 800 store damaged: /home/lezer/.local/share/krant/"
        #expect(Self.status(driver).hasPrefix(shown), "\(Self.status(driver))")
        driver.press(.character("j"), .character("j"))
        #expect(Self.status(driver).hasPrefix(shown))
        _ = driver.send(.failed("Mark not saved (\(Self.damage))"))
        #expect(driver.state.message == nil)
        _ = driver.send(.failed("Browser exited with status 3"))
        #expect(Self.status(driver).hasSuffix("Browser exited with status 3 "))
        driver.press(.character("j"))
        #expect(Self.status(driver).hasPrefix(shown))
    }
}
