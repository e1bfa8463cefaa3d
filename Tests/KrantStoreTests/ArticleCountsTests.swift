import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// `article_counts` is kept by triggers; after every kind of write it must
/// say what counting the rows says.
@Suite struct ArticleCountsTests {
    /// Counts by counting rows, the way the store answered before the table.
    func counted(_ store: ArticleStore, _ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        var unread = query
        unread.unreadOnly = true
        return try store.pool.read { db in
            (try HeadlineFilter.request(query).fetchCount(db), try HeadlineFilter.request(unread).fetchCount(db))
        }
    }

    func expectAgreement(_ store: ArticleStore, feeds: [Int64], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var queries = [HeadlineQuery(), HeadlineQuery(unreadOnly: true)]
        for category in ["Sport", "Politiek", "Nergens"] {
            queries += [HeadlineQuery(category: category), HeadlineQuery(unreadOnly: true, category: category)]
        }
        for feed in feeds {
            queries += [HeadlineQuery(feedID: feed), HeadlineQuery(unreadOnly: true, feedID: feed),
                        HeadlineQuery(category: "Sport", feedID: feed)]
        }
        for query in queries {
            let fromTable = try store.counts(query)
            let fromRows = try counted(store, query)
            #expect(fromTable.total == fromRows.total && fromTable.unread == fromRows.unread, "\(query)",
                    sourceLocation: sourceLocation)
        }
        let categories = try store.categories()
        let recount = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT category, count(*) AS total, sum(is_read = 0) AS unread FROM articles
                WHERE category IS NOT NULL GROUP BY category ORDER BY category
                """).map { CategoryCount(name: $0["category"], total: $0["total"], unread: $0["unread"]) }
        }
        #expect(categories.sorted { $0.name < $1.name } == recount, sourceLocation: sourceLocation)
        for feed in try store.feedCounts() {
            let rows = try counted(store, HeadlineQuery(feedID: feed.id))
            #expect(feed.total == rows.total && feed.unread == rows.unread, "\(feed.title)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func theTableAgreesWithTheRowsAfterEveryKindOfWrite() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        try expectAgreement(store, feeds: [])

        // Saved articles: no feed, some without a category.
        let saved = try Sample.insert([Sample.article("Een", category: "Sport"), Sample.article("Twee"),
                                       Sample.article("Drie", category: "Politiek", read: true)], into: store)
        let nos = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        let rtv = try store.addFeed(url: "https://rtv.example/feed", title: "RTV")
        func item(_ guid: String, _ category: String?, feed: FeedSubscription) -> Article {
            Article(category: category, title: "Bericht \(guid)", blocks: [.paragraph("tekst")],
                    origin: .feed(url: feed.url, guid: guid))
        }
        let nosIDs = try store.upsertFeedArticles([item("a", "Sport", feed: nos), item("b", "Politiek", feed: nos),
                                                   item("c", nil, feed: nos)], feedID: nos.id).inserted
        _ = try store.upsertFeedArticles([item("d", "Sport", feed: rtv), item("e", "Sport", feed: rtv)],
                                         feedID: rtv.id, indexing: .later)
        try expectAgreement(store, feeds: [nos.id, rtv.id])

        // Writing the same articles again (also twice in one batch) counts nothing.
        let again = Sample.article("Een", category: "Sport")
        #expect(try store.insert([Sample.entry(again), Sample.entry(again)]).allSatisfy {
            if case .alreadyPresent = $0 { true } else { false }
        })
        #expect(try store.upsertFeedArticles([item("a", "Sport", feed: nos), item("a", "Sport", feed: nos)],
                                             feedID: nos.id).inserted.isEmpty)
        try expectAgreement(store, feeds: [nos.id, rtv.id])

        // Reading, unreading, marking a view read.
        try store.setRead([saved[0], nosIDs[0]], true)
        try store.setRead([saved[2]], false)
        try store.setRead([saved[0]], true)
        try expectAgreement(store, feeds: [nos.id, rtv.id])
        #expect(try store.markAllRead(HeadlineQuery(category: "Sport")) == 2)
        try expectAgreement(store, feeds: [nos.id, rtv.id])

        // An update that moves an item to another category.
        #expect(try store.upsertFeedArticles([item("c", "Politiek", feed: nos)], feedID: nos.id).updated == 1)
        try expectAgreement(store, feeds: [nos.id, rtv.id])

        // Removing a feed (its articles go by cascade) and keeping another's.
        try store.removeFeed(id: rtv.id)
        #expect(!(try store.feedCounts().contains { $0.id == rtv.id }))
        try expectAgreement(store, feeds: [nos.id])
        try store.removeFeed(id: nos.id, keepArticles: true)
        try expectAgreement(store, feeds: [])
        #expect(try store.counts(HeadlineQuery()).total == 6)
    }

    @Test func aStoreFromBeforeTheTableIsCountedOnce() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.oldStore(upTo: "v5-deferred-work") { db in
            for (index, (category, read)) in [("Sport", 0), ("Sport", 1), (nil, 0)].enumerated() {
                try db.execute(sql: """
                    INSERT INTO articles (identity, title, category, published_sort, is_read, imported_at)
                    VALUES (?, 'Kop', ?, '', ?, '2024-06-19');
                    INSERT INTO article_bodies (id, blocks) VALUES (last_insert_rowid(), '[]');
                    """, arguments: ["sha256:\(index)", category, read])
            }
        }
        let store = try ArticleStore(path: path)
        #expect(try store.counts(HeadlineQuery()) == (3, 2))
        #expect(try store.counts(HeadlineQuery(category: "Sport")) == (2, 1))
        #expect(try store.categories() == [CategoryCount(name: "Sport", total: 2, unread: 1)])
        try expectAgreement(store, feeds: [])
    }
}
