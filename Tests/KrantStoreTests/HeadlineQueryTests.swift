import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

@Suite struct HeadlineQueryTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
    }

    @Test func headlinesAreNewestFirstAndPageWithAnOffset() throws {
        let ids = try Sample.insert([
            Sample.article("Midden", Sample.day(10)),
            Sample.article("Zonder datum"),
            Sample.article("Nieuwst", Sample.day(20)),
            Sample.article("Alleen maand", PublishedDate(year: 2024, month: 6)),
            Sample.article("Zelfde tijd, later ingevoerd", Sample.day(10)),
            Sample.article("Oudst", Sample.day(1, month: 5)),
        ], into: store)
        let all = try store.headlines(.all, limit: 100)
        #expect(all.map(\.title) == ["Nieuwst", "Zelfde tijd, later ingevoerd", "Midden", "Alleen maand",
                                     "Oudst", "Zonder datum"])
        #expect(all[0] == Headline(id: ids[2], title: "Nieuwst", source: "NOS Nieuws",
                                   published: Sample.day(20)))

        let pages = try [0, 2, 4, 6].map { try store.headlines(.all, limit: 2, offset: $0).map(\.id) }
        #expect(pages == [[ids[2], ids[4]], [ids[0], ids[3]], [ids[5], ids[1]], []])
    }

    @Test func countsFollowTheFilters() throws {
        _ = try Sample.insert([
            Sample.article("B1", Sample.day(1), category: "Binnenland"),
            Sample.article("B2", Sample.day(2), category: "Binnenland", read: true),
            Sample.article("B3", Sample.day(3), category: "Binnenland", starred: true),
            Sample.article("S1", Sample.day(4), category: "Sport", read: true, starred: true),
            Sample.article("Los", Sample.day(5)),
        ], into: store)
        #expect(try store.count(.all) == 5)
        #expect(try store.unreadCount(.all) == 3)
        #expect(try store.count(HeadlineQuery(unreadOnly: true)) == 3)
        #expect(try store.count(HeadlineQuery(category: "Binnenland")) == 3)
        #expect(try store.unreadCount(HeadlineQuery(category: "Binnenland")) == 2)
        #expect(try store.count(HeadlineQuery(starredOnly: true)) == 2)
        #expect(try store.unreadCount(HeadlineQuery(starredOnly: true)) == 1)
        #expect(try store.count(HeadlineQuery(unreadOnly: true, starredOnly: true, category: "Sport")) == 0)
        #expect(try store.count(HeadlineQuery(category: "Cultuur")) == 0)
        #expect(try store.headlines(HeadlineQuery(unreadOnly: true, category: "Binnenland"), limit: 10)
                    .map(\.title) == ["B3", "B1"])
        #expect(try store.headlines(HeadlineQuery(starredOnly: true), limit: 10).map(\.title) == ["S1", "B3"])
    }

    @Test func markAllReadChangesOnlyTheView() throws {
        _ = try Sample.insert([
            Sample.article("B1", Sample.day(1), category: "Binnenland"),
            Sample.article("B2", Sample.day(2), category: "Binnenland", read: true),
            Sample.article("B3", Sample.day(3), category: "Binnenland"),
            Sample.article("S1", Sample.day(4), category: "Sport"),
        ], into: store)
        #expect(try store.markAllRead(HeadlineQuery(category: "Binnenland")) == 2)
        #expect(try store.unreadCount(HeadlineQuery(category: "Binnenland")) == 0)
        #expect(try store.headlines(HeadlineQuery(unreadOnly: true), limit: 10).map(\.title) == ["S1"])
        #expect(try store.markAllRead(HeadlineQuery(category: "Binnenland")) == 0)
        #expect(try store.markAllRead(.all) == 1)
        #expect(try store.unreadCount(.all) == 0)
    }

    @Test func categoriesCountTotalAndUnreadByName() throws {
        _ = try Sample.insert([
            Sample.article("S1", category: "Sport"),
            Sample.article("B1", category: "Binnenland", read: true),
            Sample.article("B2", category: "Binnenland"),
            Sample.article("b1", category: "buitenland", read: true),
            Sample.article("Los"),
        ], into: store)
        #expect(try store.categories() == [
            CategoryCount(name: "Binnenland", total: 2, unread: 1),
            CategoryCount(name: "buitenland", total: 1, unread: 0),
            CategoryCount(name: "Sport", total: 1, unread: 1),
        ])
    }

    /// The reader asks for a page on every screen of a store that may hold a
    /// million articles: each view must walk an index in list order instead
    /// of sorting the table.
    @Test func everyListViewIsServedByAnIndexInOrder() throws {
        let views: [(HeadlineQuery, String)] = [
            (.all, "articles_by_published"),
            (HeadlineQuery(unreadOnly: true), "articles_by_unread"),
            (HeadlineQuery(starredOnly: true), "articles_starred"),
            (HeadlineQuery(category: "Sport"), "articles_by_category"),
            (HeadlineQuery(unreadOnly: true, category: "Sport"), "articles_by_category"),
            (HeadlineQuery(unreadOnly: true, starredOnly: true), "articles_starred"),
            (HeadlineQuery(starredOnly: true, category: "Sport"), "articles_"),
        ]
        for (query, index) in views {
            let plan = try queryPlan(ReaderKeyset.order(HeadlineFilter.request(query), listOrder: true).select(HeadlineRecord.columns).limit(50, offset: 100))
            #expect(plan.contains("USING INDEX \(index)") || plan.contains("USING COVERING INDEX \(index)"),
                    "\(query): \(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(query): \(plan)")
        }
        let categoryPlan = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT category, COUNT(*), SUM(is_read = 0)
                FROM articles WHERE category IS NOT NULL GROUP BY category
                """).map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(categoryPlan.contains("COVERING INDEX articles_by_category"), "\(categoryPlan)")
    }

    private func queryPlan(_ request: QueryInterfaceRequest<ArticleRecord>) throws -> String {
        try store.pool.read { db in
            let statement = try request.makePreparedRequest(db).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
    }
}
