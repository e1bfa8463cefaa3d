import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// The contentless index forgets an article only when given the same words
/// it was indexed under; these tests catch any drift between what is indexed
/// (`Article.searchableBody`) and what the SQL expression hands back.
@Suite struct ContentlessSearchTests {
    func ids(_ store: ArticleStore, matching word: String) throws -> [Int64] {
        try store.headlines(HeadlineQuery(search: word), limit: 100).map(\.id)
    }

    func rawMatches(_ store: ArticleStore, _ word: String) throws -> [Int64] {
        try store.rawSearchMatches(word)
    }

    @Test func everyBlockKindIsForgottenWithItsArticle() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        let article = Article(
            title: "Kopwoord", leadCaption: Caption(credit: "ANP", text: "Leadwoord bij de foto"),
            blocks: [.paragraph("Alineawoord \"met\" aanhalingstekens"), .section("Tussenkopwoord"),
                     .caption(Caption(credit: "Reuters", text: "Bijschriftwoord")), .quote("Citaatwoord"),
                     .listItem("Lijstwoord ë")],
            origin: .feed(url: feed.url, guid: "g1"))
        let id = try store.upsertFeedArticles([article], feedID: feed.id).inserted[0]
        let words = ["Kopwoord", "Leadwoord", "Alineawoord", "Tussenkopwoord", "Bijschriftwoord", "Citaatwoord", "Lijstwoord"]
        for word in words { #expect(try rawMatches(store, word) == [id], "\(word)") }
        // Credits are not indexed: they would make every article match "ANP".
        #expect(try rawMatches(store, "Reuters").isEmpty)

        // An update takes the old words out and puts the new ones in.
        var changed = article
        changed.blocks[0] = .paragraph("Nieuwwoord")
        #expect(try store.upsertFeedArticles([changed], feedID: feed.id).updated == 1)
        #expect(try rawMatches(store, "Alineawoord").isEmpty)
        #expect(try rawMatches(store, "Nieuwwoord") == [id])

        // Removing the feed deletes its articles by cascade, and the trigger
        // takes every word out of the index.
        try store.removeFeed(id: feed.id)
        for word in words + ["Nieuwwoord"] { #expect(try rawMatches(store, word).isEmpty, "\(word)") }
    }

    @Test func aStoreFromBeforeTheContentlessIndexIsMigrated() throws {
        let directory = try TemporaryDirectory()
        // A store as the previous version left it: migrated up to v3, with
        // the content-storing index and one article in it.
        let path = try directory.oldStore(upTo: "v3-feeds") { db in
            try db.execute(sql: """
                INSERT INTO articles (identity, title, published_sort, lead_text, blocks, imported_at)
                VALUES ('sha256:x', 'Oude kop', '', 'Foto van Oekraïne',
                        '[{"type":"paragraph","text":"Oude tekst"},{"type":"section","title":"Tussenkop"}]', '2024-06-19')
                """)
            try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (1, 'Oude kop', 'Foto van Oekraïne\nOude tekst\nTussenkop')")
        }

        let store = try ArticleStore(path: path, converter: TemporaryDirectory.versionOneConverter)
        #expect(try ids(store, matching: "oekraine") == [1])
        #expect(try ids(store, matching: "tussenkop") == [1])
        #expect(try rawMatches(store, "Oude") == [1])
        try store.pool.write { db in try db.execute(sql: "DELETE FROM articles WHERE id = 1") }
        #expect(try rawMatches(store, "Oude").isEmpty)
        #expect(try rawMatches(store, "Oekraïne").isEmpty)
    }
}
