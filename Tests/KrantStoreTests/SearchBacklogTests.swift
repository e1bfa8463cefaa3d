import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// A bulk import stores articles first and the search index catches up
/// later (`SearchIndexing.later`); these tests check that nothing is found
/// twice, missed, or left behind as a phantom in between.
@Suite struct SearchBacklogTests {
    func found(_ store: ArticleStore, _ word: String) throws -> [Int64] {
        try store.headlines(HeadlineQuery(search: word), limit: 100).map(\.id).sorted()
    }

    func rawMatches(_ store: ArticleStore, _ word: String) throws -> [Int64] {
        try store.rawSearchMatches(word)
    }

    @Test func laterArticlesAreListedAtOnceAndFoundOnceIndexed() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let first = try Sample.insert([Sample.article("Eerste", body: "walvis op het strand")], into: store)
        let later = try store.insert([Sample.entry(Sample.article("Tweede", body: "walvis in de haven")),
                                      Sample.entry(Sample.article("Derde", body: "storm"))],
                                     indexing: .later).map(\.id)

        #expect(try store.count(HeadlineQuery()) == 3)
        #expect(try store.article(id: later[0])?.title == "Tweede")
        #expect(try store.searchBacklog() == 2)
        #expect(try found(store, "walvis") == first)

        #expect(try store.indexForSearch(limit: 1) == 1)
        #expect(try store.searchBacklog() == 1)
        #expect(try found(store, "walvis") == first + [later[0]])
        #expect(try store.catchUpSearch() == 1)
        #expect(try store.searchBacklog() == 0)
        #expect(try found(store, "storm") == [later[1]])
        #expect(try store.catchUpSearch() == 0)
    }

    @Test func aSmallWriteNeverTakesOnAnImportsBacklog() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let waiting = try store.insert([Sample.entry(Sample.article("Wachtend", body: "dijkdoorbraak"))],
                                       indexing: .later).map(\.id)
        // Indexed at once only when nothing older waits; else it waits too,
        // and one catch-up takes both.
        let now = try Sample.insert([Sample.article("Direct", body: "dijkdoorbraak verderop")], into: store)
        #expect(try store.searchBacklog() == 2)
        #expect(try found(store, "dijkdoorbraak").isEmpty)
        #expect(try store.catchUpSearch() == 2)
        #expect(try found(store, "dijkdoorbraak") == waiting + now)
        #expect(try rawMatches(store, "dijkdoorbraak") == waiting + now)
        let next = try Sample.insert([Sample.article("Daarna", body: "dijkdoorbraak opnieuw")], into: store)
        #expect(try store.searchBacklog() == 0)
        #expect(try found(store, "dijkdoorbraak") == waiting + now + next)
    }

    @Test func deletingAWaitingArticleLeavesNoPhantom() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        let indexed = try store.upsertFeedArticles(
            [Article(title: "Geïndexeerd", blocks: [.paragraph("zeehond")], origin: .feed(url: feed.url, guid: "a"))],
            feedID: feed.id).inserted
        let waiting = try store.upsertFeedArticles(
            [Article(title: "Wachtend", blocks: [.paragraph("zeehond zeearend")], origin: .feed(url: feed.url, guid: "b"))],
            feedID: feed.id, indexing: .later).inserted
        #expect(try rawMatches(store, "zeehond") == indexed)
        #expect(try rawMatches(store, "zeearend").isEmpty)

        // The cascade deletes both; the trigger must hand the index only the
        // words of the indexed one (the waiting one was never in it).
        try store.removeFeed(id: feed.id)
        #expect(try rawMatches(store, "zeehond").isEmpty)
        #expect(try rawMatches(store, "zeearend").isEmpty)
        #expect(try store.searchBacklog() == 0)
        #expect(try store.catchUpSearch() == 0)
        #expect(try store.article(id: waiting[0]) == nil)
    }

    @Test func aWaitingArticleThatChangesIsIndexedWithItsNewText() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        var article = Article(title: "Kop", blocks: [.paragraph("oudewoord")], origin: .feed(url: feed.url, guid: "g"))
        let id = try store.upsertFeedArticles([article], feedID: feed.id, indexing: .later).inserted[0]
        article.blocks = [.paragraph("nieuwewoord")]
        #expect(try store.upsertFeedArticles([article], feedID: feed.id, indexing: .later).updated == 1)
        #expect(try rawMatches(store, "nieuwewoord").isEmpty)
        try store.catchUpSearch()
        #expect(try rawMatches(store, "nieuwewoord") == [id])
        #expect(try rawMatches(store, "oudewoord").isEmpty)

        // Once indexed, a change replaces the words in the index at once.
        article.blocks = [.paragraph("derdewoord")]
        #expect(try store.upsertFeedArticles([article], feedID: feed.id, indexing: .later).updated == 1)
        #expect(try rawMatches(store, "derdewoord") == [id])
        #expect(try rawMatches(store, "nieuwewoord").isEmpty)
    }

    @Test func anHTMLBodyIsLaidOutWhenReadAndIndexedAndForgottenByItsWords() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        let html = """
            <figure><img src="a.jpg"><figcaption>ANP Kievit in de polder</figcaption></figure>
            <p>Boeren zien de <a href="/weidevogels">weidevogels</a> terugkeren.</p><h2>Grutto</h2><p>Telling.</p>
            """
        let stored = Article(title: "Weidevogels", url: "https://nos.example/artikel/1", bodyHTML: html,
                             origin: .feed(url: feed.url, guid: "w1"))
        let id = try store.upsertFeedArticles([stored], feedID: feed.id, indexing: .later).inserted[0]
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT blocks, body_html FROM article_bodies") }
        #expect(row?["blocks"] == "[]")
        #expect(row?["body_html"] == html)

        let read = try #require(try store.article(id: id))
        #expect(read.bodyHTML == nil)
        #expect(read.leadCaption == Caption(credit: "ANP", text: "Kievit in de polder"))
        #expect(read.blocks == [.paragraph("Boeren zien de weidevogels [1] terugkeren."), .section("Grutto"),
                                .paragraph("Telling.")])
        #expect(read.links == ["https://nos.example/weidevogels"])

        try store.catchUpSearch()
        for word in ["kievit", "weidevogels", "grutto", "telling"] { #expect(try rawMatches(store, word) == [id], "\(word)") }
        #expect(try rawMatches(store, "ANP").isEmpty)
        try store.removeFeed(id: feed.id)
        for word in ["kievit", "weidevogels", "grutto", "telling"] { #expect(try rawMatches(store, word).isEmpty, "\(word)") }
    }

    @Test func aStoreFromBeforeTheBacklogCountsEveryArticleIndexed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.oldStore(upTo: "v4-contentless-search") { db in
            try db.execute(sql: """
                INSERT INTO articles (identity, title, published_sort, blocks, imported_at)
                VALUES ('sha256:x', 'Oude kop', '', '[{"type":"paragraph","text":"grutto"}]', '2024-06-19')
                """)
            // What v4 indexed: the lead text (none), a newline, the blocks' text.
            try db.execute(sql: "INSERT INTO article_search (rowid, title, body) VALUES (1, 'Oude kop', char(10) || 'grutto')")
        }

        let store = try ArticleStore(path: path, converter: TemporaryDirectory.versionOneConverter)
        #expect(try store.searchBacklog() == 0)
        #expect(try found(store, "grutto") == [1])
        // The body moved to article_bodies with the upgrade.
        #expect(try store.article(id: 1)?.blocks == [.paragraph("grutto")])
        let columns = try store.pool.read { db in try db.columns(in: "articles").map(\.name) }
        #expect(!columns.contains("blocks"))
        try store.pool.write { db in try db.execute(sql: "DELETE FROM articles WHERE id = 1") }
        #expect(try rawMatches(store, "grutto").isEmpty)
    }

    /// Catching up writes in slices (`SearchBacklog.sliceSize` articles a
    /// transaction), so another writer waits for one slice, never for the
    /// whole backlog.
    @Test func theBacklogIsWrittenInShortTransactions() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        // Fewer than one batch read ahead (500): it is the slices that split it.
        let count = 250
        _ = try store.insert((1...count).map { Sample.entry(Sample.article("Bericht \($0)", body: "zeehond \($0)")) },
                             indexing: .later)
        let commits = CommitCounter()
        store.pool.add(transactionObserver: commits)
        #expect(try store.catchUpSearch() == count)
        #expect(commits.count > 1, "the whole backlog went in one transaction")
        #expect(commits.count == (count + SearchBacklog.sliceSize - 1) / SearchBacklog.sliceSize)
        #expect(try rawMatches(store, "zeehond").count == count)
    }
}

/// Counts the transactions that moved the search index's watermark.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private(set) var count = 0
    private var moved = false

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        eventKind.tableName == SearchBacklog.tableName
    }

    func databaseDidChange(with event: DatabaseEvent) { moved = true }

    func databaseDidCommit(_ db: Database) {
        if moved { count += 1 }
        moved = false
    }

    func databaseDidRollback(_ db: Database) { moved = false }
}
