import Foundation
import KrantTestSupport
import Testing

/// `krant delete`, `krant purge` and the config file's retention, against a
/// feed served on 127.0.0.1 (its items are from June 2024, long ago).
@Suite struct DeleteCommandTests {
    static let three = [(guid: "a1", title: "Dijken versterkt"), (guid: "a2", title: "Kabinet valt"),
                        (guid: "a3", title: "Storm op zee")]

    func titles(_ krant: borrowing KrantRunner, _ extra: [String] = []) throws -> [String] {
        let rows = try #require(try krant.json(["list", "--json"] + extra) as? [[String: Any]])
        return rows.compactMap { $0["title"] as? String }.sorted()
    }

    func id(of title: String, _ krant: borrowing KrantRunner) throws -> String {
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        return String(try #require(rows.first { $0["title"] as? String == title }?["id"] as? Int))
    }

    @Test func aDeletedItemStaysDeletedUntilItHasLeftTheFeed() throws {
        let feed = EditableFeed(Self.three)
        let server = try FetchTestServer(routes: ["/nieuws.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        #expect(try krant.run(["feeds", "add", server.url("/nieuws.xml")]).status == 0)
        let kabinet = try id(of: "Kabinet valt", krant)

        let deleted = try krant.run(["delete", kabinet])
        #expect(deleted.status == 0 && deleted.stdout == "deleted 1 article\n")
        #expect(try titles(krant) == ["Dijken versterkt", "Storm op zee"])
        #expect(try titles(krant, ["--search", "valt"]).isEmpty)
        #expect(try krant.run(["list", "--count"]).stdout == "2\n")
        let missing = try krant.run(["delete", kabinet, "999"])
        #expect(missing.status == 1 && missing.stdout == "deleted 0 articles\n")
        #expect(missing.stderr == "krant: no article with id \(kabinet), 999\n")

        // The feed changed and is read whole: the deleted item stays away.
        feed.set(Self.three + [("a4", "Nieuw bericht")])
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 1 new article, 0 failed\n")
        #expect(try titles(krant) == ["Dijken versterkt", "Nieuw bericht", "Storm op zee"])

        // Once the feed no longer lists it, its record goes: listed again
        // later, it is news again.
        feed.set([("a4", "Nieuw bericht")])
        #expect(try krant.run(["fetch"]).status == 0)
        feed.set(Self.three)
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 1 new article, 0 failed\n")
        #expect(try titles(krant).contains("Kabinet valt"))
        #expect(try krant.run(["check"]).status == 0)
    }

    @Test func purgeKeepsStarredArticlesAndUnreadOnesUnlessAsked() throws {
        let feed = EditableFeed(Self.three)
        let server = try FetchTestServer(routes: ["/nieuws.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        #expect(try krant.run(["feeds", "add", server.url("/nieuws.xml")]).status == 0)
        #expect(try krant.run(["mark", try id(of: "Dijken versterkt", krant), try id(of: "Kabinet valt", krant), "--read"])
            .status == 0)
        #expect(try krant.run(["star", try id(of: "Kabinet valt", krant)]).status == 0)

        #expect(try krant.run(["purge", "--older-than", "8w"]).stdout == "purged 1 article\n")
        #expect(try titles(krant) == ["Kabinet valt", "Storm op zee"])
        // Newer than a million hours: nothing.
        #expect(try krant.run(["purge", "--older-than", "999999h", "--include-unread"]).stdout == "purged 0 articles\n")
        let other = try krant.run(["purge", "--older-than", "30d", "--feed", "99"])
        #expect(other.status == 1 && other.stderr == "krant: no feed 99 (see `krant feeds list`)\n")
        #expect(try krant.run(["purge", "--older-than", "30d", "--feed", server.url("/nieuws.xml"), "--include-unread"])
            .stdout == "purged 1 article\n")
        #expect(try titles(krant) == ["Kabinet valt"])
        #expect(try krant.run(["list", "--search", "storm", "--count"]).stdout == "0\n")

        for bad in ["30", "30x", "d", "0d", "-3d", "3.5d", "٣d", "12 h"] {
            let refused = try krant.run(["purge", "--older-than=\(bad)"])
            #expect(refused.status == 2, "\(bad)")
            #expect(refused.stderr.contains("--older-than: '\(bad)' is not an age; write a whole number and h, d or w: 12h, 30d, 8w."),
                    "\(refused.stderr)")
        }
        #expect(try krant.run(["purge"]).stderr.contains("Missing expected argument '--older-than <age>'"))
    }

    @Test func retentionRemovesOldArticlesAfterEachFetchAndSaysHowMany() throws {
        let feed = EditableFeed(Self.three)
        let server = try FetchTestServer(routes: ["/nieuws.xml": { feed.respond($0) }])
        defer { server.stop() }
        let krant = try KrantRunner()
        let config = try krant.write("retention.toml", Array("[retention]\nmax_per_feed = 2\n".utf8))
        let environment = ["KRANT_CONFIG": config]
        #expect(try krant.run(["feeds", "add", server.url("/nieuws.xml")]).status == 0)
        #expect(try krant.run(["star", try id(of: "Dijken versterkt", krant)]).status == 0)

        feed.set(Self.three + [("a4", "Nieuw bericht")])
        let fetched = try krant.run(["fetch"], environment: environment)
        #expect(fetched.stdout == "1 feed, 1 new article, 0 failed, 1 old article removed\n", "\(fetched.stderr)")
        // The two newest, and the starred one.
        #expect(try titles(krant) == ["Dijken versterkt", "Nieuw bericht", "Storm op zee"])
        // What retention removed does not come back either.
        feed.set(Self.three + [("a4", "Nieuw bericht"), ("a5", "Laatste")])
        #expect(try krant.run(["fetch"], environment: environment).stdout
                == "1 feed, 1 new article, 0 failed, 1 old article removed\n")
        #expect(try titles(krant) == ["Dijken versterkt", "Laatste", "Nieuw bericht"])

        let byAge = try krant.write("age.toml", Array("[retention]\nkeep_days = 30\ninclude_unread = false\n".utf8))
        #expect(try krant.run(["mark", try id(of: "Laatste", krant), "--read"]).status == 0)
        #expect(try krant.run(["fetch"], environment: ["KRANT_CONFIG": byAge]).stdout
                == "1 feed, 0 new articles, 0 failed, 1 old article removed\n")
        #expect(try titles(krant) == ["Dijken versterkt", "Nieuw bericht"], "the unread one stays")
        // Without retention the summary is as before.
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 0 new articles, 0 failed\n")
    }

    /// Retention bounds what fetches bring: an article the user saved and
    /// imported stays, however old and read it is.
    @Test func retentionLeavesImportedArticlesAlone() throws {
        let krant = try KrantRunner()
        try krant.run(["import", KrantRunner.sampleArticle])
        #expect(try krant.run(["mark", "1", "--read"]).status == 0)
        let config = try krant.write("age.toml", Array("[retention]\nkeep_days = 1\n".utf8))
        #expect(try krant.run(["fetch"], environment: ["KRANT_CONFIG": config]).stdout
                == "0 feeds, 0 new articles, 0 failed, 0 old articles removed\n")
        #expect(try krant.run(["list", "--count"]).stdout == "1\n")
    }
}
