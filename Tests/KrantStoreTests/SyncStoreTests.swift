import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// The store's side of syncing: the queue of marks and feed changes, the
/// server's feeds and items, and the server's state applied without
/// undoing what waits to be sent.
@Suite struct SyncStoreTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let account: SyncAccount

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        account = try store.addAccount(name: "home", url: "https://rss.example.org/api/greader.php", user: "anna")
    }

    private static let news = RemoteSubscription(streamID: "feed/1", url: "https://news.example/feed.xml",
                                                 title: "News", category: "World", siteURL: "https://news.example/")

    private func item(_ id: Int64, _ title: String, stream: String = "feed/1", read: Bool = false,
                      starred: Bool = false, link: String? = nil) -> SyncedItem {
        var article = Article(source: "News", category: "World", title: title, url: link ?? "https://news.example/\(id)",
                              blocks: [], bodyHTML: "<p>\(title) body.</p>",
                              origin: .feed(url: Self.news.url, guid: "tag:google.com,2005:reader/item/\(id)"))
        article.isRead = read
        article.isStarred = starred
        return SyncedItem(itemID: id, streamID: stream, article: article)
    }

    /// Subscriptions applied and two items stored; returns the articles' ids.
    private func seeded() throws -> [Int64] {
        let feeds = try store.applySubscriptions(accountID: account.id, [Self.news]).feedIDs
        return try store.storeSyncedItems([item(101, "Eerste"), item(102, "Tweede", read: true)],
                                          accountID: account.id, feedIDs: feeds).inserted
    }

    private func articleState(_ id: Int64) throws -> (read: Bool, starred: Bool) {
        let article = try #require(try store.article(id: id))
        return (article.isRead, article.isStarred)
    }

    @Test func anAccountNameIsTakenOnceAndRemovingItKeepsItsFeeds() throws {
        #expect(throws: StoreError.accountExists("home")) {
            try store.addAccount(name: "home", url: "https://other.example", user: "bob")
        }
        let ids = try seeded()
        try store.removeAccount(named: "home")
        #expect(try store.accounts().isEmpty)
        #expect(try store.feeds().map(\.title) == ["News"])
        #expect(try store.syncedFeedIDs().isEmpty)
        #expect(try store.article(id: ids[0]) != nil)
        #expect(throws: StoreError.noSuchAccount("home")) { try store.removeAccount(named: "home") }
    }

    @Test func itemsComeInWithTheServersStateAndAgainAreKnown() throws {
        let ids = try seeded()
        #expect(ids.count == 2)
        #expect(try articleState(ids[0]) == (false, false))
        #expect(try articleState(ids[1]) == (true, false))
        let feeds = try store.applySubscriptions(accountID: account.id, [Self.news]).feedIDs
        let again = try store.storeSyncedItems([item(101, "Eerste"), item(102, "Tweede"), item(103, "Derde", stream: "feed/9")],
                                               accountID: account.id, feedIDs: feeds)
        #expect(again.inserted.isEmpty)
        #expect(again.known == 2)
        #expect(again.skipped == 1)
        // Storing the server's items queued nothing to send back.
        #expect(try store.waitingMarks(accountID: account.id).isEmpty)
    }

    @Test func everyWayOfMarkingIsQueuedAndTheLatestValueWins() throws {
        let ids = try seeded()
        try store.setRead([ids[0]], true)
        try store.setStarred([ids[1]], true)
        try store.setRead([ids[0]], false)
        try store.setRead([ids[0]], true)
        let waiting = Set(try store.waitingMarks(accountID: account.id))
        #expect(waiting == [WaitingMark(itemID: 101, flag: .read, value: true),
                            WaitingMark(itemID: 102, flag: .starred, value: true)])
        #expect(try store.syncBacklog().waitingMarks == 2)
        // Mark-all-read is one statement over many rows: queued as well.
        try store.setRead([ids[1]], false)
        #expect(try store.markAllRead(HeadlineQuery()) == 1)
        #expect(try store.waitingMarks(accountID: account.id).contains(
            WaitingMark(itemID: 102, flag: .read, value: true)))
    }

    @Test func articlesKrantFetchedItselfAreNotQueued() throws {
        let feed = try store.addFeed(url: "https://local.example/feed.xml")
        let local = try store.upsertFeedArticles([Article(title: "Lokaal", blocks: [.paragraph("x")],
                                                          origin: .feed(url: feed.url, guid: "l1"))],
                                                 feedID: feed.id).inserted
        try store.setRead(local, true)
        #expect(try store.syncBacklog().waitingMarks == 0)
    }

    @Test func aMarkSentIsForgottenUnlessItChangedMeanwhile() throws {
        let ids = try seeded()
        try store.setRead([ids[0]], true)
        try store.setStarred([ids[0]], true)
        let sent = try store.waitingMarks(accountID: account.id)
        // Unstarred again while the request was on its way.
        try store.setStarred([ids[0]], false)
        try store.finishMarks(sent, accountID: account.id)
        #expect(try store.waitingMarks(accountID: account.id)
                == [WaitingMark(itemID: 101, flag: .starred, value: false)])
    }

    @Test func theServersStateIsAppliedExceptWhereAMarkWaits() throws {
        let ids = try seeded()
        try store.setStarred([ids[1]], true)
        // The server: 101 read (only 102 unread), nothing starred.
        let changed = try store.applyServerState(accountID: account.id, unread: [102], starred: [])
        #expect(changed.read == 2)
        #expect(changed.starred == 0)
        #expect(try articleState(ids[0]) == (true, false))
        // 102's star waits to be sent: krant's value stays.
        #expect(try articleState(ids[1]) == (false, true))
        #expect(try store.waitingMarks(accountID: account.id).count == 1)
        #expect(try store.applyServerState(accountID: account.id, unread: [102], starred: []) == (0, 0))
    }

    @Test func aFeedKrantHadIsClaimedWithItsArticles() throws {
        let feed = try store.addFeed(url: Self.news.url, title: "Mine")
        let local = try store.upsertFeedArticles([Article(title: "Eerste", url: "https://news.example/101", blocks: [.paragraph("x")],
                                                          origin: .feed(url: feed.url, guid: "g101"))],
                                                 feedID: feed.id).inserted
        try store.setStarred(local, true)
        let changes = try store.applySubscriptions(accountID: account.id, [Self.news])
        #expect(changes.feedIDs == ["feed/1": feed.id])
        #expect(try store.feeds().map(\.title) == ["News"])
        #expect(try store.feeds().map(\.category) == ["World"])
        let stored = try store.storeSyncedItems([item(101, "Eerste", read: true), item(102, "Tweede")],
                                                accountID: account.id, feedIDs: changes.feedIDs)
        #expect(stored.adopted == 1)
        #expect(stored.inserted.count == 1)
        // Read on the server, starred in krant: both stay, and the star is
        // queued for the server.
        #expect(try articleState(local[0]) == (true, true))
        #expect(try store.waitingMarks(accountID: account.id) == [WaitingMark(itemID: 101, flag: .starred, value: true)])
        #expect(try store.feeds().first?.articleCount == 2)
    }

    @Test func feedsFollowTheServerAndOnesItDroppedGoKeepingStarredArticles() throws {
        let ids = try seeded()
        try store.setStarred([ids[0]], true)
        let renamed = RemoteSubscription(streamID: "feed/1", url: Self.news.url, title: "Nieuws", category: "Wereld")
        let other = RemoteSubscription(streamID: "feed/2", url: "https://other.example/rss", title: "Other")
        let changes = try store.applySubscriptions(accountID: account.id, [renamed, other])
        #expect((changes.added, changes.changed, changes.removed) == (1, 1, 0))
        #expect(try store.article(id: ids[0])?.category == "Wereld")
        #expect(try store.article(id: ids[0])?.source == "Nieuws")
        let dropped = try store.applySubscriptions(accountID: account.id, [other])
        #expect(dropped.removed == 1)
        #expect(try store.feeds().map(\.title) == ["Other"])
        #expect(try store.article(id: ids[0]) != nil)
        #expect(try store.article(id: ids[1]) == nil)
    }

    @Test func feedChangesAreQueuedInOrderAndASubscriptionLearnsItsStream() throws {
        let ids = try seeded()
        _ = ids
        let feedID = try #require(try store.feeds().first?.id)
        try store.renameFeed(id: feedID, title: "Mijn nieuws")
        try store.moveFeed(id: feedID, category: "Binnenland")
        let added = try store.addFeed(url: "https://new.example/rss", title: nil, category: "Tech", account: account)
        try store.renameFeed(id: added.id, title: "Nieuw")
        try store.removeFeed(id: feedID)
        let changes = try store.feedChanges(accountID: account.id)
        #expect(changes.map(\.kind) == [.rename, .move, .subscribe, .unsubscribe])
        #expect(changes[0].streamID == "feed/1" && changes[0].title == "Mijn nieuws")
        #expect(changes[1].oldCategory == "World" && changes[1].category == "Binnenland")
        // A subscription not yet sent goes with the feed's title and category as they are now.
        #expect(changes[2].url == "https://new.example/rss" && changes[2].title == "Nieuw" && changes[2].category == "Tech")
        #expect(changes[3].streamID == "feed/1")
        try store.finishFeedChange(changes[2], streamID: "feed/7")
        #expect(try store.syncLink(feedID: added.id)?.streamID == "feed/7")
        #expect(try store.syncedFeedIDs() == [added.id])
    }

    @Test func removingASubscriptionNotYetSentTakesItOutOfTheQueue() throws {
        let added = try store.addFeed(url: "https://new.example/rss", title: nil, category: nil, account: account)
        try store.removeFeed(id: added.id)
        #expect(try store.feedChanges(accountID: account.id).isEmpty)
    }

    @Test func aRefusedSubscriptionLeavesAFeedKrantFetchesItself() throws {
        let added = try store.addFeed(url: "https://new.example/rss", title: nil, category: nil, account: account)
        let change = try #require(try store.feedChanges(accountID: account.id).first)
        try store.dropFeedChange(change)
        #expect(try store.syncLink(feedID: added.id) == nil)
        #expect(try store.feeds().map(\.url) == ["https://new.example/rss"])
    }

    @Test func aMarkOutlivesItsArticleAndGoesWithItsAccount() throws {
        let ids = try seeded()
        try store.setRead([ids[0]], true)
        _ = try store.delete([ids[0]])
        #expect(try store.article(id: ids[0]) == nil)
        #expect(try store.waitingMarks(accountID: account.id) == [WaitingMark(itemID: 101, flag: .read, value: true)])
        try store.removeAccount(named: "home")
        #expect(try store.syncBacklog().waitingMarks == 0)
    }

    @Test func aKilledProcessLosesAMarkOnlyWithItsQueueRow() throws {
        let ids = try seeded()
        // A transaction that marks and then fails is rolled back whole.
        let path = store.path
        let queue = try DatabaseQueue(path: path)
        try? queue.write { db in
            try db.execute(sql: "UPDATE articles SET is_read = 1 WHERE id = ?", arguments: [ids[0]])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_marks") == 1)
            throw CancellationError()
        }
        try queue.close()
        #expect(try articleState(ids[0]).read == false)
        #expect(try store.waitingMarks(accountID: account.id).isEmpty)
    }
}
