import Foundation
import KrantTestSupport
import Testing

/// The search syntax, `krant list --query` and `[[ignore]]` rules, through
/// the real binary with a feed served on 127.0.0.1.
@Suite struct SavedSearchCommandTests {
    /// An RSS feed of items with a title, an author and a text each.
    final class Feed: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(guid: String, title: String, author: String, text: String)]

        init(_ items: [(guid: String, title: String, author: String, text: String)]) { self.items = items }

        func add(_ guid: String, _ title: String, author: String = "Redactie", text: String = "Tekst.") {
            lock.withLock { items.insert((guid, title, author, text), at: 0) }
        }

        func respond(_ request: TestRequest) -> TestResponse {
            lock.withLock {
                var xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Testnieuws</title>
                    <link>https://test.example/</link>
                    """
                for (index, item) in items.enumerated() {
                    xml += """
                        <item><title>\(item.title)</title><link>https://test.example/\(item.guid)</link>
                        <guid isPermaLink="false">\(item.guid)</guid><dc:creator>\(item.author)</dc:creator>
                        <pubDate>Wed, 19 Jun 2024 \(10 + index % 10):00:00 +0000</pubDate>
                        <description>&lt;p&gt;\(item.text)&lt;/p&gt;</description></item>
                        """
                }
                return .text(xml + "</channel></rss>\n", headers: [("Content-Type", "application/rss+xml")])
            }
        }
    }

    static let items: [(guid: String, title: String, author: String, text: String)] = [
        ("1", "Kabinet valt over asiel", "Jan", "De Tweede Kamer debatteert vandaag."),
        ("2", "Kamer twee debatteert", "Piet", "Over de tweede lezing van het kabinet."),
        ("3", "Oorlog in Oekraïne", "Jan", "Raketten op Kyiv."),
        ("4", "Vrede in Kiev?", "Klaas", "Onderhandelingen over het kabinet."),
    ]

    func titles(_ krant: borrowing KrantRunner, _ arguments: [String]) throws -> [String] {
        let output = try krant.run(["list", "--json"] + arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["title"] as? String }.sorted()
    }

    @Test func listSearchesWithTheSyntaxAndRefusesMalformedText() throws {
        let feed = Feed(Self.items)
        let server = try FetchTestServer(routes: ["/feed.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        #expect(try krant.run(["feeds", "add", server.url("/feed.xml")]).status == 0)

        #expect(try titles(krant, ["--search", "kyiv OR kiev"]) == ["Oorlog in Oekraïne", "Vrede in Kiev?"])
        #expect(try titles(krant, ["--search", "kabinet -asiel"]) == ["Kamer twee debatteert", "Vrede in Kiev?"])
        #expect(try titles(krant, ["--search", "\"tweede kamer\""]) == ["Kabinet valt over asiel"])
        #expect(try titles(krant, ["--search", "title:kabinet"]) == ["Kabinet valt over asiel"])
        #expect(try krant.run(["list", "--count", "--search", "oekraine"]).stdout == "1\n")

        for (text, message) in [
            ("\"tweede kamer", "a quote \" is not closed; end the phrase with another \""),
            ("-", "a - stands alone; write -word to leave out articles with that word"),
            ("kyiv OR", "OR needs a word on each side, as in \"kyiv OR kiev\""),
            ("title:", "title: needs a word right after it, as in title:oekraine"),
        ] {
            let output = try krant.run(["list", "--search", text])
            #expect(output.status == 2, "\(text)")
            #expect(output.stdout == "")
            #expect(output.stderr == "krant: --search: \(message)\n")
        }
    }

    @Test func listQueryShowsASavedQuery() throws {
        let feed = Feed(Self.items)
        let server = try FetchTestServer(routes: ["/feed.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        let config = try krant.write("config.toml", Array("""
            [[queries]]
            name = "Oekraïne"
            search = "oekraine OR kyiv OR kiev"
            unread = true

            [[queries]]
            name = "Testfeed"
            feed = "Testnieuws"
            search = "kabinet"
            """.utf8))
        #expect(try krant.run(["feeds", "add", server.url("/feed.xml")]).status == 0)
        let vrede = try #require(try krant.json(["list", "--json", "--search", "title:vrede"]) as? [[String: Any]])
        let id = try #require(vrede.first?["id"] as? Int)
        #expect(try krant.run(["mark", String(id), "--read"]).status == 0)

        // unread = true: the article about Kiev, read, is left out.
        #expect(try titles(krant, ["--config", config, "--query", "Oekraïne"]) == ["Oorlog in Oekraïne"])
        #expect(try titles(krant, ["--config", config, "--query", "Testfeed"])
                == ["Kabinet valt over asiel", "Kamer twee debatteert", "Vrede in Kiev?"])
        // A search on top of a saved query narrows it.
        #expect(try titles(krant, ["--config", config, "--query", "Testfeed", "--search", "asiel"])
                == ["Kabinet valt over asiel"])

        let unknown = try krant.run(["list", "--config", config, "--query", "Sport"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "krant: no saved query \"Sport\" (the queries are: \"Oekraïne\", \"Testfeed\")\n")
        let none = try krant.run(["list", "--query", "Sport"])
        #expect(none.stderr == "krant: no saved query \"Sport\" (the config file has no [[queries]])\n")
    }

    @Test func ignoreRulesKeepItemsOutAndTheSummarySaysHowMany() throws {
        let feed = Feed(Self.items)
        let server = try FetchTestServer(routes: ["/feed.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        let config = try krant.write("config.toml", Array("""
            [[ignore]]
            title = "advertorial OR gesponsord"

            [[ignore]]
            author = "klaas"
            feed = "Testnieuws"
            """.utf8))
        let added = try krant.run(["--config", config, "feeds", "add", server.url("/feed.xml")])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try titles(krant, []) == ["Kabinet valt over asiel", "Kamer twee debatteert", "Oorlog in Oekraïne"])

        feed.add("5", "Advertorial: de beste matras")
        feed.add("6", "Gesponsord bericht")
        feed.add("7", "Nieuw kabinet")
        let fetched = try krant.run(["--config", config, "fetch"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout == "1 feed, 1 new article, 0 failed, 3 ignored\n")
        #expect(try titles(krant, []).contains("Nieuw kabinet"))
        #expect(try krant.run(["list", "--count"]).stdout == "4\n")

        // Without rules, nothing is ignored and the summary says nothing of it.
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 3 new articles, 0 failed\n")
    }
}
