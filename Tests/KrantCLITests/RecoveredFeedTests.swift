import Foundation
import KrantTestSupport
import Testing

/// Feeds with recoverable errors through the real binary: every item is
/// stored, and the import, the fetch and `feeds list` say what was recovered.
@Suite struct RecoveredFeedTests {
    /// Two bare `&` and one Latin-1 byte in a feed that says it is UTF-8.
    static let brokenFeed: [UInt8] = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Vis & Zo</title>
        <item><title>Fish & Chips</title><guid>f1</guid><dc:creator>Jan Visser</dc:creator>
        <description>Fris</description>
        <enclosure url="https://vis.example/podcast.mp3" type="audio/mpeg" length="31457280"/></item>
        <item><title>Caf
        """.utf8) + [0xE9] + Array("""
        </title><guid>f2</guid><description>Koffie</description></item>
        </channel></rss>
        """.utf8)

    @Test func anImportedFeedFileSaysWhatItRecoveredFrom() throws {
        let krant = try KrantRunner()
        let path = try krant.write("vis.xml", Self.brokenFeed)
        let imported = try krant.run(["import", path])
        #expect(imported.status == 0)
        #expect(imported.stdout == "imported 2 new, 0 already present, 0 rejected\n")
        #expect(imported.stderr == "krant: \(path): recovered from 3 errors\n")
        let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(feeds.first?["last_status"] as? String == "ok, 2 new, 0 updated, recovered from 3 errors")
        #expect(feeds.first?["title"] as? String == "Vis & Zo")
        let list = try krant.run(["feeds", "list"]).stdout
        #expect(list.contains("recovered from 3 errors"))
        let titles = try #require(try krant.json(["list", "--json"]) as? [[String: Any]]).compactMap { $0["title"] as? String }
        #expect(Set(titles) == ["Fish & Chips", "Café"])
    }

    @Test func aFetchSaysWhichFeedItRecovered() throws {
        let server = try FetchTestServer(routes: [
            "/vis.xml": { _ in TestResponse(status: 200, headers: [("Content-Type", "application/rss+xml")],
                                           body: Data(Self.brokenFeed)) },
            "/goed.xml": { _ in .text(SampleFeed.rss(items: [("g1", "Goed")])) },
        ])
        defer { server.stop() }
        let krant = try KrantRunner()
        let added = try krant.run(["feeds", "add", server.url("/vis.xml")])
        #expect(added.stdout == "subscribed to Vis & Zo (\(server.url("/vis.xml"))): 2 articles (recovered from 3 errors)\n")
        #expect(try krant.run(["feeds", "add", server.url("/goed.xml")]).status == 0)
        let fetched = try krant.run(["fetch"])
        #expect(fetched.status == 0)
        #expect(fetched.stdout == "2 feeds, 0 new articles, 0 failed\n")
        #expect(fetched.stderr == "krant: Vis & Zo (\(server.url("/vis.xml"))): recovered from 3 errors\n")
    }

    /// Enclosures are stored as JSON: written in another order by the next
    /// process, an unchanged episode would be "updated" (and re-indexed) by
    /// every fetch.
    @Test func anUnchangedEpisodeIsNotRewrittenByTheNextFetch() throws {
        let krant = try KrantRunner()
        let path = try krant.write("pod.xml", Self.brokenFeed)
        #expect(try krant.run(["import", path]).status == 0)
        for round in 0..<3 {
            // A new modification time: the file is read and parsed again.
            var times = [timespec(tv_sec: 1_700_000_000 + round, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + round, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            #expect(try krant.run(["fetch"]).status == 0)
            let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
            #expect(feeds.first?["last_status"] as? String == "ok, nothing new, recovered from 3 errors")
        }
    }

    @Test func authorsAndEnclosuresAreShown() throws {
        let krant = try KrantRunner()
        let path = try krant.write("vis.xml", Self.brokenFeed)
        #expect(try krant.run(["import", path]).status == 0)
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        let id = try #require(rows.first { $0["title"] as? String == "Fish & Chips" }?["id"] as? Int)
        let article = try #require(try krant.json(["show", "\(id)", "--json"]) as? [String: Any])
        #expect(article["author"] as? String == "Jan Visser")
        let enclosures = try #require(article["enclosures"] as? [[String: Any]])
        #expect(enclosures.count == 1)
        #expect(enclosures.first?["url"] as? String == "https://vis.example/podcast.mp3")
        #expect(enclosures.first?["type"] as? String == "audio/mpeg")
        #expect(enclosures.first?["length"] as? Int == 31_457_280)
        let text = try krant.run(["show", "\(id)", "--width", "80"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text.contains("Vis & Zo • Jan Visser"))
        #expect(Array(text.suffix(3)) == ["Enclosures", "• https://vis.example/podcast.mp3 (audio/mpeg, 31.4 MB)", ""])
    }
}
