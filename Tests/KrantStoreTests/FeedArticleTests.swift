import Foundation
import GRDB
import KrantCore
import KrantFeeds
import Testing
@testable import KrantStore

@Suite struct FeedArticleTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let feed: FeedSubscription

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        feed = try store.addFeed(url: FeedSample.feedURL, title: "Voorbeeld")
    }

    @Test func anItemStoredWithItsHTMLReadsBackAsItsArticle() throws {
        // A relative link, a feed caption and a body figure: what the base
        // URL and the lead-caption rules decide when the store lays it out.
        let rss = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>Dijk versterkt</title><link>https://nos.example/artikel/1</link><guid>g1</guid>
            <media:content url="https://nos.example/a.jpg"><media:description>ANP Werk aan de dijk</media:description></media:content>
            <description><![CDATA[<figure><figcaption>Reuters De oude dijk</figcaption></figure>
            <p>Het kost <a href="/kosten">veel</a>.</p><h2>Later</h2><p>Meer.</p>]]></description></item>
            <item><title>Alleen tekst</title><link>https://nos.example/artikel/2</link>
            <description>Een &lt;b&gt;korte&lt;/b&gt; beschrijving.</description></item></channel></rss>
            """
        let items = try FeedParser.parse(Data(rss.utf8)).items
        let stored = items.map { $0.storableArticle(feedURL: feed.url, feedTitle: "T", category: nil) }
        #expect(stored.allSatisfy { $0.bodyHTML != nil && $0.blocks.isEmpty })
        let ids = try store.upsertFeedArticles(stored, feedID: feed.id).inserted
        for (item, id) in zip(items, ids) {
            let expected = item.article(feedURL: feed.url, feedTitle: "T", category: nil)
            let read = try #require(try store.article(id: id))
            #expect(read.bodyHTML == nil)
            #expect(read.title == expected.title)
            #expect(read.leadCaption == expected.leadCaption)
            #expect(read.blocks == expected.blocks)
            #expect(read.links == expected.links)
        }
        let first = try #require(try store.article(id: ids[0]))
        #expect(first.leadCaption == Caption(credit: "ANP", text: "Werk aan de dijk"))
        #expect(first.blocks.first == .caption(Caption(credit: "Reuters", text: "De oude dijk")))
        #expect(first.links == ["https://nos.example/kosten"])
    }

    @Test func newItemsAreInsertedAndARefetchWritesNothing() throws {
        let items = [
            FeedSample.item("Kabinet valt", guid: "urn:1", link: "https://e/1", published: Sample.day(19)),
            FeedSample.item("Walvis gestrand", guid: "urn:2", link: "https://e/2", published: Sample.day(18)),
            FeedSample.item("Zonder guid", link: "https://e/3"),
            FeedSample.item("Zonder guid of link", body: "Alleen tekst."),
        ]
        let first = try store.upsertFeedArticles(items, feedID: feed.id)
        #expect(first.inserted.count == 4)
        #expect(first.updated == 0 && first.unchanged == 0)

        let stored = try #require(try store.article(id: first.inserted[0]))
        var expected = items[0]
        expected.id = first.inserted[0]
        #expect(stored == expected)

        let importedAt = try importedAtValues()
        let again = try store.upsertFeedArticles(items, feedID: feed.id)
        #expect(again == FeedUpsertReport(inserted: [], updated: 0, unchanged: 4))
        #expect(try store.count(.all) == 4)
        #expect(try searchRowCount() == 4)
        #expect(try importedAtValues() == importedAt)
    }

    @Test func changedContentIsUpdatedInPlaceKeepingReadAndStarred() throws {
        let original = FeedSample.item("Walvis gestrand", guid: "urn:1", link: "https://e/1",
                                       body: "Een walvis is gestrand bij Terschelling.", published: Sample.day(19))
        let id = try store.upsertFeedArticles([original], feedID: feed.id).inserted[0]
        try store.setRead([id], true)
        try store.setStarred([id], true)

        var corrected = original
        corrected.title = "Bultrug gestrand"
        corrected.blocks = [.paragraph("Een bultrug is gestrand bij Vlieland."), .section("Reddingspoging")]
        corrected.links = ["https://e/foto"]
        corrected.leadCaption = Caption(credit: "ANP", text: "De bultrug op het strand")
        corrected.category = "Binnenland"
        corrected.published = Sample.day(19, 14)
        corrected.url = "https://e/1?v=2"
        let report = try store.upsertFeedArticles([corrected], feedID: feed.id)
        #expect(report == FeedUpsertReport(inserted: [], updated: 1, unchanged: 0))

        let stored = try #require(try store.article(id: id))
        var expected = corrected
        expected.id = id
        expected.isRead = true
        expected.isStarred = true
        #expect(stored == expected)
        #expect(try store.count(.all) == 1)
        #expect(try store.headlines(HeadlineQuery(search: "vlieland"), limit: 10).map(\.id) == [id])
        #expect(try store.headlines(HeadlineQuery(search: "bultrug reddingspoging"), limit: 10).map(\.id) == [id])
        #expect(try store.count(HeadlineQuery(search: "terschelling")) == 0)
        #expect(try store.count(HeadlineQuery(search: "walvis")) == 0)
        #expect(try store.count(HeadlineQuery(category: "Binnenland")) == 1)
    }

    @Test func withoutAGUIDTheLinkIdentifiesAnItem() throws {
        let id = try store.upsertFeedArticles([FeedSample.item("Eerste titel", link: "https://e/a")],
                                              feedID: feed.id).inserted[0]
        let report = try store.upsertFeedArticles([FeedSample.item("Betere titel", link: "https://e/a"),
                                                   FeedSample.item("Ander", link: "https://e/b")], feedID: feed.id)
        #expect(report.updated == 1)
        #expect(report.inserted.count == 1)
        #expect(try store.article(id: id)?.title == "Betere titel")
    }

    @Test func withoutGUIDOrLinkTheTextIdentifiesAnItem() throws {
        let item = FeedSample.item("Alleen tekst", body: "Geen guid, geen link.")
        let id = try store.upsertFeedArticles([item], feedID: feed.id).inserted[0]
        #expect(try store.upsertFeedArticles([item], feedID: feed.id).unchanged == 1)
        // Changed text is a different item: nothing else could tell them apart.
        let edited = FeedSample.item("Alleen tekst", body: "Geen guid, geen link, wel een correctie.")
        let report = try store.upsertFeedArticles([edited], feedID: feed.id)
        #expect(report.inserted.count == 1 && report.inserted[0] != id)
        #expect(try store.count(.all) == 2)
    }

    @Test func theSameGUIDInTwoFeedsIsTwoArticles() throws {
        let other = try store.addFeed(url: "https://other.example/feed")
        let item = FeedSample.item("Gedeeld bericht", guid: "urn:shared")
        #expect(try store.upsertFeedArticles([item], feedID: feed.id).inserted.count == 1)
        #expect(try store.upsertFeedArticles([item], feedID: other.id).inserted.count == 1)
        #expect(try store.count(.all) == 2)
    }

    @Test func aRepeatWithinOneFetchIsOneArticle() throws {
        let report = try store.upsertFeedArticles([FeedSample.item("Dubbel", guid: "urn:1"),
                                                   FeedSample.item("Dubbel", guid: "urn:1")], feedID: feed.id)
        #expect(report.inserted.count == 1 && report.unchanged == 1)
    }

    @Test func anUnknownFeedIsRefusedAndNothingIsWritten() throws {
        #expect(throws: StoreError.noSuchFeed("999")) {
            try store.upsertFeedArticles([FeedSample.item("Wees", guid: "1")], feedID: 999)
        }
        #expect(try store.count(.all) == 0)
    }

    @Test func headlinesCountsAndMarkAllReadFollowTheFeed() throws {
        let other = try store.addFeed(url: "https://other.example/feed")
        let mine = try store.upsertFeedArticles([
            FeedSample.item("Mijn 1", guid: "1", published: Sample.day(1)),
            FeedSample.item("Mijn 2", guid: "2", published: Sample.day(3)),
            FeedSample.item("Mijn 3", guid: "3", published: Sample.day(2)),
        ], feedID: feed.id).inserted
        let theirs = try store.upsertFeedArticles([FeedSample.item("Hun 1", guid: "1", published: Sample.day(4))],
                                                  feedID: other.id).inserted
        _ = try Sample.insert([Sample.article("Bestand", Sample.day(5))], into: store)
        try store.setRead([mine[1]], true)

        let view = HeadlineQuery(feedID: feed.id)
        #expect(try store.headlines(view, limit: 10).map(\.id) == [mine[1], mine[2], mine[0]])
        #expect(try store.count(view) == 3)
        #expect(try store.unreadCount(view) == 2)
        #expect(try store.headlines(HeadlineQuery(unreadOnly: true, feedID: feed.id), limit: 10).map(\.id)
                == [mine[2], mine[0]])
        #expect(try store.position(of: mine[0], in: view, fromEnd: false) == 2)
        #expect(try store.position(of: theirs[0], in: view, fromEnd: false) == nil)

        #expect(try store.markAllRead(view) == 2)
        #expect(try store.unreadCount(view) == 0)
        #expect(try store.unreadCount(HeadlineQuery(feedID: other.id)) == 1)
        #expect(try store.unreadCount(.all) == 2)
    }

    @Test func aFeedViewIsServedByTheFeedIndexInOrder() throws {
        for query in [HeadlineQuery(feedID: 1), HeadlineQuery(unreadOnly: true, feedID: 1)] {
            let plan = try store.pool.read { db in
                let statement = try ReaderKeyset.order(HeadlineFilter.request(query), listOrder: true).select(HeadlineRecord.columns).limit(50, offset: 100)
                    .makePreparedRequest(db).statement
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
            #expect(plan.contains("INDEX articles_by_feed_published"), "\(query): \(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(query): \(plan)")
        }
    }

    private func searchRowCount() throws -> Int? {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search") }
    }

    private func importedAtValues() throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT imported_at FROM articles ORDER BY id") }
    }
}
