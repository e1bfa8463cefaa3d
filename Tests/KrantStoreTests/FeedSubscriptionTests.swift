import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

@Suite struct FeedSubscriptionTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
    }

    @Test func feedsAreListedByTitleWithTheirCounts() throws {
        let nos = try store.addFeed(url: " https://feeds.nos.nl/nosnieuwsbinnenland ", title: "NOS Binnenland",
                                    category: "Binnenland")
        let tweakers = try store.addFeed(url: "https://tweakers.net/feeds/mixed.xml", title: "tweakers")
        let untitled = try store.addFeed(url: "https://a.example/feed")
        #expect(nos == FeedSubscription(id: nos.id, url: "https://feeds.nos.nl/nosnieuwsbinnenland",
                                        title: "NOS Binnenland", category: "Binnenland"))
        #expect(untitled.title == nil)

        let ids = try store.upsertFeedArticles([FeedSample.item("Een", guid: "1"), FeedSample.item("Twee", guid: "2"),
                                                FeedSample.item("Drie", guid: "3")], feedID: nos.id).inserted
        _ = try store.upsertFeedArticles([FeedSample.item("Vier", guid: "4")], feedID: tweakers.id)
        try store.setRead([ids[0], ids[2]], true)
        _ = try Sample.insert([Sample.article("Uit een bestand")], into: store)

        let feeds = try store.feeds()
        #expect(feeds.map(\.id) == [untitled.id, nos.id, tweakers.id])
        #expect(feeds.map(\.articleCount) == [0, 3, 1])
        #expect(feeds.map(\.unreadCount) == [0, 1, 1])
    }

    @Test func aSecondAddOfTheSameURLIsRefused() throws {
        try store.addFeed(url: "https://feeds.example.org/a.xml", title: "A")
        #expect(throws: StoreError.alreadySubscribed(url: "https://feeds.example.org/a.xml")) {
            try store.addFeed(url: "https://feeds.example.org/a.xml\n", title: "Andere titel")
        }
        #expect(try store.feeds().map(\.title) == ["A"])
        #expect(StoreError.alreadySubscribed(url: "u").description == "already subscribed to u")
    }

    @Test func aFeedIsFoundByIDOrURL() throws {
        let feed = try store.addFeed(url: "https://feeds.example.org/a.xml", title: "A")
        #expect(try store.feed(matching: "\(feed.id)") == feed)
        #expect(try store.feed(matching: " https://feeds.example.org/a.xml") == feed)
        #expect(try store.feed(matching: "999") == nil)
        #expect(try store.feed(matching: "https://feeds.example.org/b.xml") == nil)
    }

    @Test func removingAFeedRemovesItsArticlesAndTheirSearchRows() throws {
        let feed = try store.addFeed(url: FeedSample.feedURL)
        let other = try store.addFeed(url: "https://other.example/feed")
        _ = try store.upsertFeedArticles([FeedSample.item("Walvis gestrand", guid: "1"),
                                          FeedSample.item("Walvis gered", guid: "2")], feedID: feed.id)
        let kept = try store.upsertFeedArticles([FeedSample.item("Walvis elders", guid: "1")], feedID: other.id)
        let fileIDs = try Sample.insert([Sample.article("Walvis in bestand")], into: store)

        try store.removeFeed(id: feed.id)
        #expect(try store.feeds().map(\.id) == [other.id])
        #expect(try store.count(.all) == 2)
        #expect(try store.headlines(HeadlineQuery(search: "walvis"), limit: 10).map(\.id)
                == [fileIDs[0], kept.inserted[0]].sorted(by: >))
        #expect(try searchRowCount() == 2)
        #expect(throws: StoreError.noSuchFeed("\(feed.id)")) { try store.removeFeed(id: feed.id) }
    }

    @Test func removingAFeedCanKeepItsArticles() throws {
        let feed = try store.addFeed(url: FeedSample.feedURL)
        let ids = try store.upsertFeedArticles([FeedSample.item("Walvis gestrand", guid: "1", link: "https://e/1"),
                                                FeedSample.item("Walvis gered", guid: "2")], feedID: feed.id).inserted
        try store.setRead([ids[0]], true)
        try store.setStarred([ids[1]], true)

        try store.removeFeed(id: feed.id, keepArticles: true)
        #expect(try store.feeds().isEmpty)
        #expect(try store.count(HeadlineQuery(search: "walvis")) == 2)
        let first = try #require(try store.article(id: ids[0]))
        #expect(first.isRead)
        #expect(first.url == "https://e/1")
        #expect(first.origin == nil)
        #expect(try store.article(id: ids[1])?.isStarred == true)
        #expect(try store.count(HeadlineQuery(feedID: feed.id)) == 0)
    }

    @Test func recordFetchKeepsWhatTheFetchDidNotSay() throws {
        let feed = try store.addFeed(url: "https://old.example/feed")
        let taken = try store.addFeed(url: "https://taken.example/feed", title: "Bezet")
        let when = Date(timeIntervalSince1970: 1_718_790_000)

        try store.recordFetch(feedID: feed.id, status: "ok, 3 new", etag: "\"v1\"",
                              lastModified: "Wed, 19 Jun 2024 09:29:00 GMT", newURL: "https://new.example/feed",
                              title: "Nieuws", siteURL: "https://new.example/", at: when)
        var stored = try #require(try store.feed(matching: "https://new.example/feed"))
        #expect(stored == FeedSubscription(id: feed.id, url: "https://new.example/feed", title: "Nieuws",
                                           siteURL: "https://new.example/", etag: "\"v1\"",
                                           lastModified: "Wed, 19 Jun 2024 09:29:00 GMT", lastFetchedAt: when,
                                           lastStatus: "ok, 3 new"))
        #expect(try store.feed(matching: "https://old.example/feed") == nil)

        // A 304: validators and title stay; a learned title never replaces one.
        try store.recordFetch(feedID: feed.id, status: "not modified", title: "Andere titel", at: when + 60)
        stored = try #require(try store.feed(matching: "\(feed.id)"))
        #expect(stored.etag == "\"v1\"")
        #expect(stored.title == "Nieuws")
        #expect(stored.lastStatus == "not modified")
        #expect(stored.lastFetchedAt == when + 60)

        // "" clears a validator; a redirect onto another subscription's URL is ignored.
        try store.recordFetch(feedID: feed.id, status: "HTTP 404", etag: "", newURL: "https://taken.example/feed")
        stored = try #require(try store.feed(matching: "\(feed.id)"))
        #expect(stored.etag == nil)
        #expect(stored.lastModified == "Wed, 19 Jun 2024 09:29:00 GMT")
        #expect(stored.url == "https://new.example/feed")
        #expect(try store.feed(matching: "https://taken.example/feed")?.id == taken.id)

        #expect(throws: StoreError.noSuchFeed("999")) { try store.recordFetch(feedID: 999, status: "ok") }
    }

    @Test func aStoreFromBeforeFeedsKeepsItsFeedRows() throws {
        let path = directory.file("old.db")
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v2-links")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO feeds (url, title, etag, added_at) VALUES ('https://a.example/feed', 'A', '"x"', '2024-06-19')
                """)
        }
        try queue.close()

        let upgraded = try ArticleStore(path: path)
        let feeds = try upgraded.feeds()
        #expect(feeds.map(\.url) == ["https://a.example/feed"])
        #expect(feeds.first?.etag == "\"x\"")
        #expect(feeds.first?.siteURL == nil)
    }

    private func searchRowCount() throws -> Int? {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search") }
    }
}
