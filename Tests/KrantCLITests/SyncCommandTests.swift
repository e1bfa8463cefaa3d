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

    @Test func removingAnAccountKeepsItsFeedsAndFetchingThemStoresNothingTwice() throws {
        let server = try FakeSyncServer()
        let feeds = try GReaderTestFeeds()
        defer { feeds.stop() }
        let url = server.server.register(feed: GReaderTestFeeds.dagblad, url: feeds.url(GReaderTestFeeds.dagblad))
        server.server.subscribe(url: url)
        let scenario = try SyncScenario(server)
        try scenario.setPassword(server.password)
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user, "--name", "home"], "add")
        try scenario.run(["sync"], "sync")
        let storm = try #require(try scenario.articles()["Storm verwacht in het weekend"])
        try scenario.run(["star", String(storm.id)], "star")
        let removed = try scenario.run(["sync", "remove", "home"], "remove")
        #expect(removed.stdout == "removed home; its feeds stay (1 mark not sent)\n")
        let fetched = try scenario.run(["fetch"], "fetch the kept feed")
        #expect(fetched.stdout.hasPrefix("1 feed, 0 new articles"), "\(fetched.stdout)")
        let articles = try scenario.articles()
        #expect(articles.count == 5)
        #expect(articles["Storm verwacht in het weekend"]?.starred == true)
    }

    @Test func aPasswordCommandThatFailsIsSaidInOneLine() throws {
        let server = try FakeSyncServer()
        let krant = try KrantRunner()
        let config = try krant.write("config.toml", Array("password_command = [\"sh\", \"-c\", \"echo no key >&2; exit 3\"]\n".utf8))
        let output = try krant.run(["--config", config, "sync", "add", server.apiURL, "--user", server.user])
        #expect(output.status == 1)
        #expect(output.stderr == "krant: 127.0.0.1: password_command: sh exited with status 3: no key\n")
    }

    @Test func aFeedOfASyncAccountKeepsATitle() throws {
        let server = try FakeSyncServer()
        let scenario = try Self.syncedWithOneFeed(server)
        let output = try scenario.run(["feeds", "rename", server.url(of: GReaderTestFeeds.dagblad), " "], status: 2, "rename")
        #expect(output.stderr == "krant: a feed of a sync account keeps a title; give one\n")
    }

    @Test func theTokenIsKeptAndOnlyARefusedOneLeadsToANewSignIn() throws {
        let server = try FakeSyncServer()
        let scenario = try Self.syncedWithOneFeed(server)
        try scenario.run(["sync"], "sync again")
        func signIns() -> Int { server.server.requests.count { $0.path == "/accounts/ClientLogin" } }
        #expect(signIns() == 1, "only `sync add` signs in")
        let tokenFile = scenario.krant.databasePath + ".tokens/account-1"
        let before = try String(contentsOfFile: tokenFile, encoding: .utf8)
        try server.changePassword("a-new-password")
        try scenario.setPassword("a-new-password")
        try scenario.run(["sync"], "sign in again")
        #expect(signIns() == 2)
        #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) != before)
        #expect(try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aPushTheServerFailsKeepsTheMarksQueued() throws {
        let server = try FakeSyncServer()
        try server.subscribe(GReaderTestFeeds.dagblad, folder: nil)
        let scenario = try SyncScenario(server)
        try scenario.setPassword(server.password)
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user, "--name", "home"], "add")
        try scenario.run(["sync"], "sync")
        let ids = try scenario.articles().values.map(\.id).sorted().prefix(2).map(String.init)
        try scenario.run(["mark"] + ids + ["--read"], "mark")
        server.server.mode = .status(503)
        let failed = try scenario.run(["sync"], status: 1, "server unavailable")
        #expect(failed.stderr.contains("server unavailable (HTTP 503"), "\(failed.stderr)")
        #expect(try scenario.run(["sync", "list"], "list").stdout.contains("2 marks waiting"))
        server.server.mode = .normal
        #expect(try scenario.run(["sync"], "back").stdout.contains("sent 2 marks"))
        #expect(server.server.items.count { $0.isRead } == 2)
    }

    @Test func syncedFeedsAreTheServersAndASubscriptionMadeOfflineWaits() throws {
        let server = try FakeSyncServer()
        try server.subscribe(GReaderTestFeeds.dagblad, folder: nil)
        let scenario = try SyncScenario(server)
        try scenario.setPassword(server.password)
        let record = scenario.krant.directory.appendingPathComponent("notified").path
        try "password_command = [\"cat\", \"\(scenario.passwordFile)\"]\nnotify = [\"sh\", \"-c\", \"echo $0 >> \(record)\", \"%n\"]\n"
            .write(to: scenario.krant.directory.appendingPathComponent("config/krant/config.toml"), atomically: true, encoding: .utf8)
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user, "--name", "home"], "add")
        try scenario.run(["sync"], "sync")
        #expect(try String(contentsOfFile: record, encoding: .utf8) == "5\n", "notify ran for the synced articles")
        let dagblad = server.url(of: GReaderTestFeeds.dagblad)
        #expect(try scenario.run(["feeds", "list"], "list").stdout.contains("\(dagblad)  · synced with home"))
        let refused = try scenario.run(["fetch", dagblad], status: 1, "fetch a synced feed")
        #expect(refused.stderr == "krant: Het Dagblad comes from the sync account home; `krant sync` refreshes it\n")

        server.server.mode = .refuseConnections
        let tech = server.url(of: GReaderTestFeeds.techWeekly)
        let queued = try scenario.run(["feeds", "add", tech], "subscribe offline")
        #expect(queued.stdout == "queued for home: the subscription is sent with the next `krant sync`\n")
        #expect(try scenario.run(["sync", "list"], "list").stdout.contains("1 feed change waiting"))
        server.server.mode = .normal
        #expect(try scenario.run(["sync"], "back").stdout.contains("sent 1 feed change; received 3 new articles"))
        #expect(try server.subscriptions()[tech] != nil)

        // A second account: krant asks which, or --local keeps it in krant.
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user, "--name", "work"], "second account")
        let ambiguous = try scenario.run(["feeds", "add", server.url(of: GReaderTestFeeds.podcast)], status: 2, "which account")
        #expect(ambiguous.stderr == "krant: there are 2 sync accounts; say which with --account NAME, or use --local\n")
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
        // krant runs without a controlling terminal (`TestProcess`): nothing to ask on.
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

    /// A store with an account on `server`, which has one feed, synced once.
    static func syncedWithOneFeed(_ server: FakeSyncServer) throws -> SyncScenario {
        try server.subscribe(GReaderTestFeeds.dagblad, folder: nil)
        let scenario = try SyncScenario(server)
        try scenario.setPassword(server.password)
        try scenario.run(["sync", "add", server.apiURL, "--user", server.user], "add")
        try scenario.run(["sync"], "sync")
        return scenario
    }
}
