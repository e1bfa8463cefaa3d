import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

@Suite struct DeletingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
    }

    /// The kept counts against a count of the rows, for every key.
    func countsAgreeWithRows() throws -> Bool {
        try store.pool.read { db in
            let kept = try Row.fetchAll(db, sql: """
                SELECT category, feed_id, total, unread FROM article_counts WHERE total != 0 ORDER BY 1, 2
                """).map { "\($0[0] as String)|\($0[1] as Int64)|\($0[2] as Int)|\($0[3] as Int)" }
            let counted = try Row.fetchAll(db, sql: """
                SELECT coalesce(category, ''), coalesce(feed_id, 0), count(*), sum(is_read = 0)
                FROM articles GROUP BY 1, 2 ORDER BY 1, 2
                """).map { "\($0[0] as String)|\($0[1] as Int64)|\($0[2] as Int)|\($0[3] as Int)" }
            return kept == counted
        }
    }

    @Test func deletingTakesTheArticleOutOfListsSearchAndCountsAndUndoPutsItBackExactly() throws {
        let ids = try Sample.insert([
            Sample.article("Dijk versterkt", Sample.day(1), category: "Binnenland", body: "Waterschap bouwt."),
            Sample.article("Kabinet valt", Sample.day(2), category: "Binnenland", body: "Coalitie breekt.", read: true,
                           starred: true),
            Sample.article("Storm op zee", Sample.day(3), category: "Buitenland", body: "Golven."),
        ], into: store)
        let before = try #require(try store.article(id: ids[1]))
        let listBefore = try store.headlines(.all, limit: 10)

        let deleted = try store.delete([ids[1], 999])
        #expect(deleted.ids == [ids[1]])
        #expect(try store.article(id: ids[1]) == nil)
        #expect(try store.rawSearchMatches("coalitie").isEmpty)
        #expect(try store.counts(.all) == (2, 2))
        #expect(try countsAgreeWithRows())

        #expect(try store.restore(deleted) == [ids[1]])
        #expect(try store.article(id: ids[1]) == before)
        #expect(try store.headlines(.all, limit: 10) == listBefore)
        #expect(try store.rawSearchMatches("coalitie") == [ids[1]])
        #expect(try store.counts(.all) == (3, 2))
        #expect(try countsAgreeWithRows())
        // Restoring twice changes nothing.
        #expect(try store.restore(deleted).isEmpty)
        #expect(try store.counts(.all) == (3, 2))
    }

    @Test func aDeletedFeedItemStaysDeletedWhileTheFeedListsItAndIsForgottenOnceItLeaves() throws {
        let feed = try store.addFeed(url: FeedSample.feedURL, title: "Voorbeeld")
        let items = [FeedSample.item("Een", guid: "1"), FeedSample.item("Twee", guid: "2")]
        let ids = try store.upsertFeedArticles(items, feedID: feed.id).inserted
        try store.delete([ids[0]])
        let deletedCount = { try self.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deleted_items") } }
        #expect(try deletedCount() == 1)

        let start = Date()
        let again = try store.upsertFeedArticles(items, feedID: feed.id)
        #expect(again.inserted.isEmpty && again.deleted == 1 && again.unchanged == 1)
        #expect(try store.forgetDeletedItems(feedID: feed.id, notSeenSince: start) == 0)
        #expect(try store.headlines(.all, limit: 10).map(\.title) == ["Twee"])

        // A fetch that no longer lists it: the record goes; should the feed
        // list it again one day, it is a new item.
        let later = Date()
        _ = try store.upsertFeedArticles([items[1]], feedID: feed.id)
        #expect(try store.forgetDeletedItems(feedID: feed.id, notSeenSince: later) == 1)
        #expect(try deletedCount() == 0)
        #expect(try store.upsertFeedArticles(items, feedID: feed.id).inserted.count == 1)
    }

    @Test func purgeNeverTakesStarredArticlesAndUnreadOnesOnlyWhenAsked() throws {
        let old = PublishedDate(year: 2020, month: 1, day: 1, hour: 8, minute: 0)
        let ids = try Sample.insert([
            Sample.article("Oud gelezen", old, body: "Alfa.", read: true),
            Sample.article("Oud ongelezen", old, body: "Bravo."),
            Sample.article("Oud bewaard", old, body: "Charlie.", read: true, starred: true),
            Sample.article("Nieuw gelezen", Sample.day(1, month: 1).withYear(2999), body: "Delta.", read: true),
        ], into: store)
        let cutoff = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(try store.purge(PurgeRule(olderThan: cutoff)) == 1)
        #expect(try store.article(id: ids[0]) == nil)
        #expect(try store.purge(PurgeRule(olderThan: cutoff, includeUnread: true)) == 1)
        #expect(try store.headlines(.all, limit: 10).map(\.title) == ["Nieuw gelezen", "Oud bewaard"])
        #expect(try store.rawSearchMatches("alfa").isEmpty && store.rawSearchMatches("bravo").isEmpty)
        #expect(try store.rawSearchMatches("charlie") == [ids[2]])
        #expect(try countsAgreeWithRows())
    }

    @Test func keepingTheNewestPerFeedRemovesTheOldestOfEachFeed() throws {
        let feed = try store.addFeed(url: FeedSample.feedURL, title: "Voorbeeld")
        let items = (1...5).map { FeedSample.item("Item \($0)", guid: "\($0)", published: Sample.day($0)) }
        let ids = try store.upsertFeedArticles(items, feedID: feed.id).inserted
        try store.setRead(ids, true)
        try store.setStarred([ids[0]], true)
        #expect(try store.purge(PurgeRule(keepPerFeed: 2)) == 2)
        #expect(try store.headlines(.all, limit: 10).map(\.title) == ["Item 5", "Item 4", "Item 1"])
        #expect(try countsAgreeWithRows())
        #expect(try store.upsertFeedArticles(items, feedID: feed.id).deleted == 2)
    }

    @Test func migrationNineAddsTheDeletedItemsToAnOlderStore() throws {
        let path = try directory.oldStore(upTo: "v8-authors-enclosures") { _ in }
        let upgraded = try ArticleStore(path: path)
        let columns = try upgraded.pool.read { db in try db.columns(in: "deleted_items").map(\.name) }
        #expect(columns == ["identity", "feed_id", "seen_at"])
    }
}

private extension PublishedDate {
    func withYear(_ year: Int) -> PublishedDate {
        var date = self
        date.year = year
        return date
    }
}
