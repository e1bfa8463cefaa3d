import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// The reader's keyset queries against a real store: they must return exactly
/// what an OFFSET would, from any anchor, in every kind of view, and be
/// answered by an index in order.
@Suite struct ReaderKeysetTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    static let count = 3000

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        // Three articles an hour (ties broken by id), every 50th undated,
        // every 9th unread, every 40th starred, two categories.
        let articles = (0..<Self.count).map { index in
            Sample.article("Bericht \(index)",
                           index % 50 == 0 ? nil : Sample.day(1 + index / 72 % 28, index / 3 % 24, month: 1 + index / 2016),
                           category: index % 3 == 0 ? "Sport" : "Binnenland",
                           read: index % 9 != 0, starred: index % 40 == 0)
        }
        _ = try Sample.insert(articles, into: store)
    }

    static let views = [HeadlineQuery(), HeadlineQuery(unreadOnly: true), HeadlineQuery(category: "Sport"),
                        HeadlineQuery(unreadOnly: true, category: "Sport"), HeadlineQuery(starredOnly: true)]

    @Test func windowsFromTheEndAndFromAnAnchorMatchOffsets() throws {
        for view in Self.views {
            let all = try store.headlines(view, offset: 0, limit: Self.count).map(\.id)
            #expect(try store.headlines(view, fromEnd: 0, limit: 5).map(\.id) == Array(all.suffix(5)))
            #expect(try store.headlines(view, fromEnd: 7, limit: 5).map(\.id) == Array(all.dropLast(7).suffix(5)))
            for split in [0, 1, all.count / 2, all.count - 1] {
                let anchor = all[split]
                let after = try store.headlines(view, from: anchor, forward: true, skip: 2, limit: 4)
                #expect(after?.map(\.id) == Array(all[min(all.count, split + 2)..<min(all.count, split + 6)]), "\(view)")
                let before = try store.headlines(view, from: anchor, forward: false, skip: 1, limit: 3)
                #expect(before?.map(\.id) == Array(all[max(0, split - 4)..<max(0, split - 1)]), "\(view)")
                #expect(try store.position(of: anchor, in: view, fromEnd: false) == split)
                #expect(try store.position(of: anchor, in: view, fromEnd: true) == all.count - 1 - split)
            }
        }
        #expect(try store.headlines(.all, from: 999_999, forward: true, skip: 0, limit: 3) == nil)
    }

    @Test func nearestUnreadCountsTheGap() throws {
        for view in Self.views {
            let rows = try store.headlines(view, offset: 0, limit: Self.count)
            for split in [0, 5, rows.count / 3, rows.count - 1] {
                let anchor = rows[split].id
                let next = rows.indices.first { $0 > split && !rows[$0].isRead }
                let found = try store.nearestUnread(to: anchor, in: view, forward: true)
                #expect(found?.headline.id == next.map { rows[$0].id }, "\(view) after \(split)")
                #expect(found.map { split + $0.distance } == next, "\(view) after \(split)")
                let previous = rows.indices.last { $0 < split && !rows[$0].isRead }
                let back = try store.nearestUnread(to: anchor, in: view, forward: false)
                #expect(back?.headline.id == previous.map { rows[$0].id }, "\(view) before \(split)")
                #expect(back.map { split - $0.distance } == previous, "\(view) before \(split)")
            }
        }
    }

    /// An article read in an unread-only view has left it but still splits it.
    @Test func anAnchorThatLeftTheViewStillSplitsIt() throws {
        let view = HeadlineQuery(unreadOnly: true)
        let rows = try store.headlines(view, offset: 0, limit: Self.count)
        try store.setRead([rows[10].id], true)
        let found = try #require(try store.nearestUnread(to: rows[10].id, in: view, forward: true))
        #expect(found.headline.id == rows[11].id)
        #expect(10 + found.distance == 10)
        let back = try #require(try store.nearestUnread(to: rows[10].id, in: view, forward: false))
        #expect(10 - back.distance == 9)
        #expect(try store.headlines(view, from: rows[10].id, forward: true, skip: 0, limit: 2)?.map(\.id)
                == [rows[11].id, rows[12].id])
    }

    @Test func keysetQueriesWalkAnIndexInOrder() throws {
        let key = ReaderKeyset(publishedSort: "2024-06-10T12:00", id: 1500)
        for view in Self.views where view.starredOnly == false {
            for (condition, listOrder) in [(key.atOrAfter, true), (key.before, false)] {
                let plan = try queryPlan(ReaderKeyset.order(HeadlineFilter.request(view).filter(condition),
                                                            listOrder: listOrder).limit(50, offset: 10))
                // SQLite 3.40 ranges on the key's first column and checks the id per row.
                #expect(plan.contains("INDEX articles_by_") && plan.contains(listOrder ? "published_sort<?" : "published_sort>?"),
                        "\(view): \(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(view): \(plan)")
            }
        }
        var unread = HeadlineQuery(unreadOnly: true)
        let seek = try queryPlan(ReaderKeyset.order(HeadlineFilter.request(unread).filter(key.after), listOrder: true)
            .limit(1))
        #expect(seek.contains("articles_by_unread (is_read=? AND published_sort<?)"), "\(seek)")
        unread.category = "Sport"
        let inCategory = try queryPlan(ReaderKeyset.order(HeadlineFilter.request(unread).filter(key.after),
                                                          listOrder: true).limit(1))
        #expect(inCategory.contains("articles_by_category (category=? AND published_sort<?)"), "\(inCategory)")
    }

    /// The reader itself on the store: `n` past the window, `G` then `k`.
    @Test func theReaderJumpsAcrossAThousandsLongView() throws {
        var driver = ReaderDriver(state: ReaderState(width: 80, height: 24), source: store)
        _ = driver.send(.resized(width: 80, height: 24))
        let all = try store.headlines(.all, offset: 0, limit: Self.count)
        try store.markAllRead(.all)
        try store.setRead([all[1234].id, all[2500].id], false)
        _ = driver.send(.storeChanged)
        _ = driver.send(.nextUnread)
        #expect(driver.state.selection == 1234)
        #expect(driver.state.selectedHeadline?.id == all[1234].id)
        _ = driver.send(.nextUnread)
        #expect(driver.state.selectedHeadline?.id == all[2500].id)
        _ = driver.send(.moveDown)
        #expect(driver.state.selectedHeadline?.id == all[2501].id)
        _ = driver.send(.previousUnread)
        _ = driver.send(.previousUnread)
        #expect(driver.state.selectedHeadline?.id == all[1234].id)
        _ = driver.send(.goBottom)
        #expect(driver.state.selection == Self.count - 1)
        #expect(driver.state.selectedHeadline?.id == all.last?.id)
        _ = driver.send(.moveUp)
        _ = driver.send(.pageUp)
        #expect(driver.state.selectedHeadline?.id == all[Self.count - 2 - driver.state.listHeight].id)
        let page = driver.state.page
        #expect(page.rows.map(\.id) == Array(all[page.offset..<page.offset + page.rows.count].map(\.id)))
    }

    private func queryPlan(_ request: QueryInterfaceRequest<ArticleRecord>) throws -> String {
        try store.pool.read { db in
            let statement = try request.makePreparedRequest(db).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
    }
}
