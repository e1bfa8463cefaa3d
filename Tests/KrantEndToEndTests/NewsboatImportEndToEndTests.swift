import Foundation
import GRDB
import KrantTestSupport
import Testing

/// `krant import-newsboat` against a cache the real newsboat wrote: newsboat
/// fetches two feeds from a loopback server (`-x reload`), a user marks an
/// article read and flags another in newsboat's own interface (tmux), and
/// krant takes over the subscriptions, the articles and both marks.
///
/// newsboat is installed by `.ci/run`; without it this test fails saying so,
/// rather than passing having tested nothing.
@Suite(.serialized) struct NewsboatImportEndToEndTests {
    /// newsboat and its files in a folder of their own: `HOME` points there,
    /// so its history files and lock stay out of the developer's home.
    final class Newsboat {
        let folder: URL
        let executable: String
        var urls: String { folder.appendingPathComponent("urls").path }
        var cache: String { folder.appendingPathComponent("cache.db").path }
        var config: String { folder.appendingPathComponent("config").path }
        var store: String { folder.appendingPathComponent("krant.db").path }

        init(urlsFile: String) throws {
            let found = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { "\($0)/newsboat" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            executable = try #require(found, "newsboat is not installed: `apt-get install newsboat` (.ci/run installs it)")
            folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-newsboat-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try urlsFile.write(toFile: urls, atomically: true, encoding: .utf8)
            // Nothing beyond the loopback server: no reloading by itself, no
            // cleanup that would drop items, one download attempt.
            try """
                auto-reload no
                reload-threads 1
                download-retries 1
                download-timeout 20
                cleanup-on-quit no
                confirm-exit no
                show-read-articles yes
                show-read-feeds yes
                notify-program ""

                """.write(toFile: config, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = folder.path
            environment["XDG_CONFIG_HOME"] = nil
            environment["XDG_DATA_HOME"] = nil
            for proxy in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
                environment[proxy] = nil
            }
            return environment
        }

        var arguments: [String] { [executable, "-C", config, "-u", urls, "-c", cache] }

        func reload() throws {
            let output = try TestProcess(arguments + ["-x", "reload"], environment: environment)
                .wait(timeout: .seconds(60))
            #expect(output.status == 0, "newsboat -x reload: \(output.stdout)\(output.stderr)")
        }

        /// newsboat's own record: (title, unread, flags) of every item it has not deleted.
        func cachedItems() throws -> [(title: String, unread: Bool, flags: String)] {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: cache, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT title, unread, flags FROM rss_item WHERE deleted = 0").map { row in
                    (row["title"], (row["unread"] as Int64) != 0, (row["flags"] as String?) ?? "")
                }
            }
        }

        func krant(_ arguments: [String]) throws -> TestProcess.Output {
            var environment = ProcessInfo.processInfo.environment
            environment["KRANT_DB"] = store
            environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("krant-config").path
            return try TestProcess([TmuxSession.krantExecutable.path] + arguments, environment: environment)
                .wait(timeout: .seconds(60))
        }

        func krantJSON(_ arguments: [String]) throws -> [[String: Any]] {
            let output = try krant(arguments)
            #expect(output.status == 0, "krant \(arguments): \(output.stderr)")
            return try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        }
    }

    /// A feed whose items have no guid: newsboat makes one of link + date,
    /// krant identifies them by their link, and the two must still agree.
    static func feedWithoutGUIDs() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Weblog</title><link>https://weblog.example/</link>
        <item><title>Eerste notitie</title><link>https://weblog.example/1</link>
        <pubDate>Mon, 17 Jun 2024 08:00:00 +0200</pubDate><description>&lt;p&gt;Een &lt;em&gt;korte&lt;/em&gt; notitie.&lt;/p&gt;</description></item>
        <item><title>Tweede notitie</title><link>https://weblog.example/2</link>
        <pubDate>Tue, 18 Jun 2024 08:00:00 +0200</pubDate><description>Nog een.</description>
        <enclosure url="https://weblog.example/2.mp3" type="audio/mpeg" length="1234"/></item>
        </channel></rss>
        """
    }

    @Test func takesOverSubscriptionsArticlesAndMarksFromTheRealNewsboat() throws {
        let server = try FetchTestServer(routes: [
            "/binnenland.xml": { _ in .text(SampleFeed.rss(items: [(guid: "b1", title: "Dijken worden versterkt"),
                                                                   (guid: "b2", title: "Kabinet valt"),
                                                                   (guid: "b3", title: "Storm op komst")])) },
            "/weblog.xml": { _ in .text(Self.feedWithoutGUIDs()) },
        ])
        defer { server.stop() }
        let newsboat = try Newsboat(urlsFile: """
            # mijn feeds
            \(server.url("/binnenland.xml")) Binnenland nieuws "~NOS Binnenland"

            \(server.url("/weblog.xml")) "!" "~Een weblog"
            "query:Ongelezen:unread = \\"yes\\"" overzicht
            exec:~/bin/nieuws.sh
            "filter:~/bin/filter.sh:\(server.url("/binnenland.xml"))"

            """)
        try newsboat.reload()

        // In newsboat's interface: open the first feed, `N` marks its top
        // (newest) article read and moves to the next, Ctrl-E edits that
        // one's flags: `a`, Enter.
        let session = try TmuxSession(command: newsboat.arguments.map { "'\($0)'" }.joined(separator: " "),
                                      width: 120, height: 30, environment: ["HOME": newsboat.folder.path])
        defer { session.kill() }
        try session.waitFor(text: "Your feeds")
        try session.sendKeys("Enter")
        try session.waitFor(text: "Articles in feed 'NOS Binnenland' (3 unread, 3 total)")
        try session.sendKeys("N")
        try session.waitFor(text: "(2 unread, 3 total)")
        try session.sendKeys("C-e")
        try session.waitFor(text: "Flags:")
        try session.sendText("a")
        try session.sendKeys("Enter")
        try session.waitFor { $0.contains { $0.contains("N!") } }
        try session.sendKeys("q", "q")
        #expect(try session.waitForExit(timeout: .seconds(30)) == 0)

        // What newsboat stored is what krant must take over.
        let cached = try newsboat.cachedItems()
        #expect(cached.count == 5)
        #expect(cached.filter { !$0.unread }.map(\.title) == ["Storm op komst"])
        #expect(cached.filter { !$0.flags.isEmpty }.map(\.title) == ["Kabinet valt"])

        let first = try newsboat.krant(["import-newsboat", "--urls", newsboat.urls, "--cache", newsboat.cache])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "imported 2 feeds, 5 articles (1 read, 1 starred), 3 lines skipped\n")
        let problems = first.stderr.split(separator: "\n").map(String.init)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.contains("urls:5: query:Ongelezen") && $0.contains("query feed") })
        #expect(problems.contains { $0.contains("urls:6: exec:~/bin/nieuws.sh: skipped") })
        #expect(problems.contains { $0.contains("urls:7: filter:~/bin/filter.sh") && $0.contains("filter script") })
        #expect(problems.contains { $0.contains("urls:2:") && $0.contains("'nieuws' left out") })

        let feeds = try newsboat.krantJSON(["feeds", "list", "--json"])
        let feedSummary = Set(feeds.map { "\($0["title"] ?? "-")|\($0["category"] ?? "-")|\($0["articles"] ?? "-")|\($0["unread"] ?? "-")" })
        #expect(feedSummary == ["NOS Binnenland|Binnenland|3|2", "Een weblog|<null>|2|2"], "\(feeds)")

        let articles = try newsboat.krantJSON(["list", "--json"])
        #expect(articles.count == 5)
        func article(_ title: String) -> [String: Any]? { articles.first { $0["title"] as? String == title } }
        #expect(article("Storm op komst")?["read"] as? Bool == true)
        #expect(article("Kabinet valt")?["starred"] as? Bool == true)
        #expect(article("Kabinet valt")?["read"] as? Bool == false)
        #expect(article("Dijken worden versterkt")?["source"] as? String == "NOS Binnenland")
        #expect(article("Dijken worden versterkt")?["category"] as? String == "Binnenland")
        #expect(articles.filter { $0["read"] as? Bool == true }.count == 1)
        #expect(articles.filter { $0["starred"] as? Bool == true }.count == 1)
        // The body is newsboat's HTML, laid out as krant lays out a feed's.
        let shown = try newsboat.krant(["show", "\(try #require(article("Eerste notitie")?["id"] as? Int))"])
        #expect(shown.stdout.contains("Een korte notitie."), "\(shown.stdout)")

        // Marks made in krant afterwards survive a second import, which adds nothing.
        let stormID = try #require(article("Storm op komst")?["id"] as? Int)
        #expect(try newsboat.krant(["mark", "\(stormID)", "--unread"]).status == 0)
        let second = try newsboat.krant(["import-newsboat", "--urls", newsboat.urls, "--cache", newsboat.cache])
        #expect(second.status == 0)
        #expect(second.stdout == "imported 0 feeds, 0 articles (0 read, 0 starred), 3 lines skipped; "
                + "already in krant: 2 feeds, 5 articles\n")
        let again = try newsboat.krantJSON(["list", "--json"])
        #expect(again.count == 5)
        #expect(again.filter { $0["read"] as? Bool == true }.isEmpty)
        #expect(again.filter { $0["starred"] as? Bool == true }.count == 1)

        // krant's own fetch of the same feeds recognises every imported item,
        // guid or not.
        let fetch = try newsboat.krant(["fetch"])
        #expect(fetch.stdout.contains("2 feeds, 0 new articles, 0 failed"), "\(fetch.stdout)\(fetch.stderr)")
        #expect(try newsboat.krantJSON(["list", "--json"]).count == 5)
    }
}
