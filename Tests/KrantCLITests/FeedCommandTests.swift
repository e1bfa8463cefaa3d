import Foundation
import KrantTestSupport
import Testing

/// `krant feeds` and `krant fetch` against an HTTP server on 127.0.0.1.
@Suite struct FeedCommandTests {
    @Test func aPermanentRedirectMovesTheSubscription() throws {
        final class Moved: @unchecked Sendable {
            private let lock = NSLock()
            private var moved = false
            var isMoved: Bool {
                get { lock.withLock { moved } }
                set { lock.withLock { moved = newValue } }
            }
        }
        let feed = EditableFeed([("a1", "Dijken worden versterkt"), ("a2", "Tweede bericht")])
        let moved = Moved()
        var newURL = ""
        let server = try FetchTestServer(routes: [
            "/oud.xml": { request in
                moved.isMoved ? TestResponse(status: 301, headers: [("Location", "/nieuw.xml")]) : feed.respond(request)
            },
            "/nieuw.xml": { feed.respond($0) },
        ])
        defer { server.stop() }
        newURL = server.url("/nieuw.xml")
        let krant = try KrantRunner()
        #expect(try krant.run(["feeds", "add", server.url("/oud.xml")]).status == 0)

        moved.isMoved = true
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 0 new articles, 0 failed\n")
        let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(feeds.map { $0["url"] as? String } == [newURL])

        // The next fetch goes to the new address, conditionally.
        #expect(try krant.run(["fetch"]).status == 0)
        #expect(server.requests.last?.path == "/nieuw.xml")
        #expect(server.requests.last?.header("If-None-Match") == "\"v1\"")
    }

    @Test func addFetchAndConditionalRefetch() throws {
        let feed = EditableFeed([("a1", "Dijken worden versterkt"), ("a2", "Tweede bericht")])
        let server = try FetchTestServer(routes: [
            "/binnenland.xml": { feed.respond($0) },
            "/kapot.xml": { _ in .text("niet gevonden", status: 404) },
            "/pagina.html": { _ in .text("<html><body><p>Geen feed</p></body></html>", headers: [("Content-Type", "text/html")]) },
        ])
        defer { server.stop() }
        let krant = try KrantRunner()
        let url = server.url("/binnenland.xml")

        let added = try krant.run(["feeds", "add", url, "--category", "Binnenland"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "subscribed to NOS Nieuws - Binnenland (\(url)): 2 articles\n")
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        #expect(rows.map { $0["title"] as? String } == ["Tweede bericht", "Dijken worden versterkt"])
        #expect(rows.allSatisfy { $0["category"] as? String == "Binnenland" && $0["source"] as? String == "NOS Nieuws - Binnenland" })

        let id = try #require(rows.first?["id"] as? Int)
        let article = try #require(try krant.json(["show", String(id), "--json"]) as? [String: Any])
        let blocks = try #require(article["blocks"] as? [[String: String]])
        #expect(blocks.map { $0["type"] ?? "" } == ["paragraph", "caption", "paragraph", "section", "paragraph", "quote",
                                                     "list_item", "list_item", "caption", "paragraph"])
        #expect(blocks[0]["text"] == "Het kabinet heeft vandaag plannen gepresenteerd voor de dijken [1].")
        #expect(blocks[1] == ["type": "caption", "credit": "ANP", "text": "Werkzaamheden aan de Lekdijk bij Culemborg"])
        #expect(blocks[8] == ["type": "caption", "credit": "Reuters", "text": "Een dijkwerker aan het werk"])
        #expect(article["links"] as? [String] == ["https://nos.example/dijken"])
        #expect(article["url"] as? String == "https://nos.example/artikel/a2")
        #expect(try krant.run(["mark", String(id), "--read"]).status == 0)

        // Unchanged: one conditional request answered 304, nothing parsed.
        let unchanged = try krant.run(["fetch"])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout == "1 feed, 0 new articles, 0 failed\n")
        #expect(server.requests.last?.header("If-None-Match") == "\"v1\"")

        // A new item arrives: stored once, the read state of the others kept.
        feed.add("a3", "Nieuw bericht")
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 1 new article, 0 failed\n")
        #expect(try krant.run(["list", "--count"]).stdout == "3\n")
        #expect(try krant.run(["list", "--unread", "--count"]).stdout == "2\n")

        // A broken feed and a web page are named; the good feed is still fetched.
        #expect(try krant.run(["feeds", "add", server.url("/pagina.html")]).stderr
                == "krant: \(server.url("/pagina.html")): not a feed: an HTML page\n")
        let subscribed = try krant.run(["feeds", "import-opml", try writeOPML(krant, urls: [server.url("/kapot.xml"), url])])
        #expect(subscribed.stdout == "subscribed to 1 feed, 1 already subscribed\n")
        feed.add("a4", "Nog een bericht")
        let mixed = try krant.run(["fetch"])
        #expect(mixed.status == 1)
        #expect(mixed.stdout == "2 feeds, 1 new article, 1 failed\n")
        #expect(mixed.stderr.contains(server.url("/kapot.xml")))
        #expect(mixed.stderr.contains("HTTP 404"))

        let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(feeds.count == 2)
        #expect(feeds.contains { $0["url"] as? String == url && $0["articles"] as? Int == 4 && $0["unread"] as? Int == 3 })
        #expect(feeds.contains { ($0["last_status"] as? String)?.contains("404") == true })

        // Export, then import into a fresh store: the same subscriptions.
        let opml = try krant.run(["feeds", "export-opml"]).stdout
        #expect(opml.contains("<outline text=\"Binnenland\""))
        let other = try KrantRunner()
        let path = try other.write("export.opml", Array(opml.utf8))
        #expect(try other.run(["feeds", "import-opml", path]).stdout == "subscribed to 2 feeds, 0 already subscribed\n")
        let imported = try #require(try other.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(Set(imported.compactMap { $0["url"] as? String }) == [url, server.url("/kapot.xml")])
        #expect(imported.contains { $0["url"] as? String == url && $0["category"] as? String == "Binnenland" })

        #expect(try krant.run(["feeds", "remove", url]).status == 0)
        #expect(try krant.run(["list", "--count"]).stdout == "0\n")
    }

    @Test func feedFilesImportLikeArticles() throws {
        let krant = try KrantRunner()
        let path = try krant.write("binnenland.xml", Array(SampleFeed.rss(items: [("x1", "Een"), ("x2", "Twee")]).utf8))
        let broken = try krant.write("kapot.rss", Array("<rss><channel><item>".utf8))
        let first = try krant.run(["import", path, broken])
        #expect(first.status == 1)
        #expect(first.stdout == "imported 2 new, 0 already present, 1 rejected\n")
        #expect(first.stderr.hasPrefix("krant: \(broken): "))
        #expect(try krant.run(["import", path]).stdout == "imported 0 new, 2 already present, 0 rejected\n")
        let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(feeds.first?["url"] as? String == URL(fileURLWithPath: path).absoluteString)
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 0 new articles, 0 failed\n")
        let status = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]]).first?["last_status"]
        #expect(status as? String == "not modified")
        // A changed file is read again (its size and time are its validator).
        _ = try krant.write("binnenland.xml", Array(SampleFeed.rss(items: [("x3", "Drie"), ("x1", "Een"), ("x2", "Twee")]).utf8))
        #expect(try krant.run(["import", path]).stdout == "imported 1 new, 2 already present, 0 rejected\n")
    }

    /// Export, then import into a fresh store: every subscription exported
    /// comes back, and a feed file, which an OPML import refuses, is left
    /// out of the export and named on stderr with the way to bring it back.
    @Test func anOPMLRoundTripLosesNoSubscriptionSilently() throws {
        let krant = try KrantRunner()
        let web = ["https://nos.example/binnenland.xml", "https://nos.example/sport.xml"]
        #expect(try krant.run(["feeds", "import-opml", try writeOPML(krant, urls: web)]).status == 0)
        let feedFile = try krant.write("lokaal.xml", Array(SampleFeed.rss(items: [("x1", "Een")]).utf8))
        #expect(try krant.run(["import", feedFile]).status == 0)

        let export = try krant.run(["feeds", "export-opml"])
        #expect(export.status == 0)
        #expect(export.stderr == "krant: left out \(URL(fileURLWithPath: feedFile).absoluteString): a feed file, "
                + "which an OPML import refuses; subscribe to it again with `krant import \(feedFile)`\n")
        let other = try KrantRunner()
        let path = try other.write("export.opml", Array(export.stdout.utf8))
        let imported = try other.run(["feeds", "import-opml", path])
        #expect(imported.status == 0)
        #expect(imported.stdout == "subscribed to 2 feeds, 0 already subscribed\n")
        #expect(imported.stderr == "")
        let feeds = try #require(try other.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(Set(feeds.compactMap { $0["url"] as? String }) == Set(web))
    }

    private func writeOPML(_ krant: borrowing KrantRunner, urls: [String]) throws -> String {
        let body = urls.map { "<outline type=\"rss\" text=\"f\" xmlUrl=\"\($0)\"/>" }.joined()
        return try krant.write("subs.opml", Array("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\(body)</body></opml>".utf8))
    }
}
