import Foundation
import KrantTestSupport
import Testing

/// `krant sync` through the real binary, against the fake Google Reader
/// server that the replay test holds to a recorded FreshRSS.
@Suite struct SyncCommandTests {
    @Test func everySyncScenarioAgainstTheFakeServer() throws {
        try SyncScenario(try FakeSyncServer()).runAll()
    }

    @Test func aPageTheServerAnswersWronglyIsReportedAndNothingOfItStored() throws {
        let server = try FakeSyncServer()
        let scenario = try SyncScenario(server)
        try server.subscribe(GReaderTestFeeds.dagblad, folder: nil)
        try scenario.setPassword(server.password)
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user], "add")
        server.server.truncateNextStreamContents()
        let broken = try scenario.run(["sync"], status: 1, "broken page")
        #expect(broken.stderr.contains("stream/items/contents is unreadable"), "\(broken.stderr)")
        #expect(try scenario.articles().isEmpty)
        let again = try scenario.run(["sync"], "next sync")
        #expect(again.stdout.contains("received 5 new articles"), "\(again.stdout)")
    }

    @Test func plainHTTPIsRefusedExceptOnLoopback() throws {
        let krant = try KrantRunner()
        let output = try krant.run(["sync", "add", "http://rss.example.org/api/greader.php", "--user", "anna"])
        #expect(output.status == 2)
        #expect(output.stderr == "krant: http://rss.example.org/api/greader.php is not https; only a server on this machine (loopback) may use plain http\n")
    }

    @Test func withoutAPasswordCommandOrTerminalTheAddFailsClearly() throws {
        let server = try FakeSyncServer()
        let krant = try KrantRunner()
        let output = try krant.run(["sync", "add", server.apiURL, "--user", server.user], environment: ["TERM": "dumb"])
        // The test process has no controlling terminal: nothing to ask on.
        #expect(output.status == 1)
        #expect(output.stderr.contains("no terminal to ask for the password on"), "\(output.stderr)")
        #expect(server.server.requests.isEmpty, "no request without a password")
    }

    @Test func syncWithoutAnAccountSaysHowToAddOne() throws {
        let krant = try KrantRunner()
        let output = try krant.run(["sync"])
        #expect(output.status == 1)
        #expect(output.stderr == "krant: no sync account (add one with `krant sync add URL --user NAME`)\n")
    }
}
