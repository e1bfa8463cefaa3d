import KrantTestSupport
import Testing

/// The sync scenarios against a real FreshRSS: runs when KRANT_FRESHRSS_DIR
/// names an unpacked FreshRSS tree and php is installed (see the README),
/// and is reported as skipped otherwise.
@Suite(.enabled(if: FreshRSSInstance.isAvailable, "set KRANT_FRESHRSS_DIR to an unpacked FreshRSS and install php"))
struct FreshRSSSyncTests {
    @Test func everySyncScenarioAgainstARealFreshRSS() throws {
        let freshRSS = try #require(try FreshRSSInstance.startIfAvailable())
        let server = try LiveSyncServer(freshRSS)
        try SyncScenario(server).runAll()
    }
}
