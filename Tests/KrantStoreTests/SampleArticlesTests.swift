import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// `krant samples remove`: the bundled samples go, with their search rows
/// and counts, and nothing else does.
@Suite struct SampleArticlesTests {
    func sample(_ title: String, body: String) -> Article {
        Sample.article(title, category: ArticleStore.samplesCategory, body: body)
    }

    @Test func removingTheSamplesLeavesEverythingElseExact() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let indexed = try Sample.insert([sample("Voorbeeld een", body: "voorbeeldwoord dijk"),
                                         sample("Voorbeeld twee", body: "voorbeeldwoord schaats"),
                                         Sample.article("Eigen", category: "Binnenland", body: "eigenwoord dijk"),
                                         Sample.article("Los", body: "loswoord")], into: store)
        try store.setRead([indexed[0], indexed[2]], true)
        // A feed the user filed under the samples' name keeps its items.
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS", category: ArticleStore.samplesCategory)
        var item = Sample.article("Feedbericht", category: ArticleStore.samplesCategory, body: "feedwoord")
        item.origin = .feed(url: feed.url, guid: "g1")
        let feedItem = try store.upsertFeedArticles([item], feedID: feed.id).inserted[0]
        // One sample still waits for the search index: it was never in it,
        // and deleting it must not hand the index words it lacks.
        let waiting = try store.insert([Sample.entry(sample("Voorbeeld drie", body: "voorbeeldwoord wachtend"))],
                                       indexing: .later).map(\.id)
        #expect(try store.searchBacklog() == 1)
        #expect(try store.samples().map(\.id).sorted() == [indexed[0], indexed[1], waiting[0]])

        #expect(try store.removeSamples() == 3)

        #expect(try store.samples().isEmpty)
        #expect(try store.count(.all) == 3)
        #expect(try store.unreadCount(.all) == 2)
        #expect(try store.categories().map { "\($0.name) \($0.unread)/\($0.total)" }
                == ["Binnenland 0/1", "\(ArticleStore.samplesCategory) 1/1"])
        #expect(try store.rawSearchMatches("voorbeeldwoord").isEmpty)
        #expect(try store.rawSearchMatches("dijk") == [indexed[2]])
        #expect(try store.rawSearchMatches("feedwoord") == [feedItem])
        #expect(try store.catchUpSearch() == 0)
        #expect(try store.rawSearchMatches("wachtend").isEmpty)
        // The kept counts agree with counting the rows again.
        let counted = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT coalesce(category, '') AS category, coalesce(feed_id, 0) AS feed_id,
                       count(*) AS total, sum(is_read = 0) AS unread
                FROM articles GROUP BY 1, 2 ORDER BY 1, 2
                """).map { "\($0["category"] as String) \($0["feed_id"] as Int64) \($0["total"] as Int) \($0["unread"] as Int)" }
        }
        let kept = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM article_counts WHERE total > 0 ORDER BY category, feed_id")
                .map { "\($0["category"] as String) \($0["feed_id"] as Int64) \($0["total"] as Int) \($0["unread"] as Int)" }
        }
        #expect(kept == counted)
        #expect(try store.removeSamples() == 0)
    }
}
