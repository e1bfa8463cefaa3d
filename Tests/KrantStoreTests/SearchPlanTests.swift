import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// A search view is counted from the index and `article_counts`, and its
/// windows are read walking the list or looking up the hits (`SearchPlan`);
/// whichever way is taken, the answers are the ones counting and sorting
/// every matching row gives.
@Suite struct SearchPlanTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let ids: [Int64]

    /// 60 articles on 60 days; every third has "walvis strandde" (20), one
    /// more has both words the other way round, one has "zeldzaam".
    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        let articles = (0..<60).map { index in
            let words = (index % 3 == 0 ? "Een walvis strandde. " : "Geen nieuws. ")
                + (index == 31 ? "Een zeldzaam geval." : "") + (index == 32 ? "Daar strandde een walvis." : "")
            return Sample.article("Bericht \(index)", Sample.day(index % 28 + 1, month: index / 28 + 1),
                                  body: words)
        }
        ids = try Sample.insert(articles, into: store)
    }

    /// The view by the generic plan: every matching row, sorted by SQLite.
    func everyRow(_ query: HeadlineQuery) throws -> [Int64] {
        try store.pool.read { db in
            try Int64.fetchAll(db, ReaderKeyset.order(HeadlineFilter.request(query), listOrder: true).select(ArticleRecord.Columns.id))
        }
    }

    func expectAgreement(_ read: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for search in ["walvis", "zeldzaam", "walv", "niets", "\"walvis strandde\""] {
            for unreadOnly in [false, true] {
                let query = HeadlineQuery(unreadOnly: unreadOnly, search: search)
                let rows = try everyRow(query)
                var unread = query
                unread.unreadOnly = true
                let counted = (total: rows.count, unread: try everyRow(unread).count)
                #expect(try store.counts(query) == counted, "\(read): \(query)", sourceLocation: sourceLocation)
                for offset in [0, 5, 15] {
                    #expect(try store.headlines(query, offset: offset, limit: 7).map(\.id)
                            == Array(rows.dropFirst(offset).prefix(7)),
                            "\(read): \(query) from \(offset)", sourceLocation: sourceLocation)
                    #expect(try store.headlines(query, fromEnd: offset, limit: 7).map(\.id)
                            == Array(rows.dropLast(offset).suffix(7)),
                            "\(read): \(query) \(offset) from the end", sourceLocation: sourceLocation)
                }
                if rows.count > 6 {
                    let anchor = rows[4]
                    #expect(try store.headlines(query, from: anchor, forward: true, skip: 1, limit: 3)?.map(\.id)
                            == Array(rows[5..<8]), "\(read): \(query) after", sourceLocation: sourceLocation)
                    #expect(try store.headlines(query, from: anchor, forward: false, skip: 0, limit: 3)?.map(\.id)
                            == Array(rows[1..<4]), "\(read): \(query) before", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func countsAndWindowsAgreeWithTheRowsWhateverIsRead() throws {
        #expect(try everyRow(HeadlineQuery(search: "walvis")).count == 21)
        #expect(try everyRow(HeadlineQuery(search: "\"walvis strandde\"")).count == 20)
        try expectAgreement("none read")
        // Three read: the read side of the is_read index is walked.
        try store.setRead([ids[0], ids[3], ids[4]], true)
        try expectAgreement("three read")
        // All but three: the unread side.
        try store.setRead(ids, true)
        try store.setRead([ids[6], ids[7], ids[9]], false)
        try expectAgreement("three unread")
        // Half read and one hit: the hit is looked up.
        try store.setRead(Array(ids[..<30]), false)
        try expectAgreement("half read")
        try store.setRead(ids, true)
        try expectAgreement("all read")
    }

    @Test func viewsTheIndexCannotCountAloneAreLeftToTheRows() throws {
        let leftOut = [HeadlineQuery(search: "\"walvis strandde\""), HeadlineQuery(search: "walvis -zeldzaam"),
                       HeadlineQuery(category: "Sport", search: "walvis"),
                       HeadlineQuery(starredOnly: true, search: "walvis"),
                       HeadlineQuery(search: "walvis", maxAgeSeconds: 86_400), HeadlineQuery()]
        for query in leftOut {
            #expect(try store.pool.read { db in try SearchPlan.counts(query, in: db) } == nil, "\(query)")
            #expect(!store.walksListOrder(query, skipping: 0, limit: 10, shape: { $0 }), "\(query)")
        }
    }

    /// A common word walks the list from the top; a rare one, or a window
    /// far down a common one, looks its hits up. SQLite must take the
    /// plan asked for, or the walk costs what it was meant to save.
    @Test func theWalkIsChosenForCommonWordsAndSQLiteTakesIt() throws {
        func walks(_ search: String, unreadOnly: Bool = false, skipping: Int = 0) -> Bool {
            store.walksListOrder(HeadlineQuery(unreadOnly: unreadOnly, search: search), skipping: skipping, limit: 7,
                                 shape: { ReaderKeyset.order($0, listOrder: true) })
        }
        #expect(walks("walvis"))
        #expect(walks("walvis", unreadOnly: true))
        #expect(!walks("walvis", skipping: 100))
        #expect(!walks("zeldzaam"))
        #expect(!walks("niets"))

        func plan(walking: Bool, unreadOnly: Bool = false, search: String = "walvis") throws -> String {
            let request = ReaderKeyset.order(HeadlineFilter.request(HeadlineQuery(unreadOnly: unreadOnly, search: search),
                                                                    access: SearchPlan.access(walking)), listOrder: true)
                .limit(10)
            return try store.pool.read { db in
                let statement = try request.makePreparedRequest(db).statement
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql,
                                        arguments: statement.arguments).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
        }
        #expect(try plan(walking: true).contains("SCAN articles USING INDEX articles_by_published"))
        #expect(try plan(walking: true, unreadOnly: true).contains("USING INDEX articles_by_unread"))
        #expect(try plan(walking: false).contains("SEARCH articles USING INTEGER PRIMARY KEY"))
        #expect(try plan(walking: false, unreadOnly: true).contains("SEARCH articles USING INTEGER PRIMARY KEY"))
        // Only excluded words: no hits to look up, so the unread index serves.
        #expect(try plan(walking: false, unreadOnly: true, search: "-zeldzaam").contains("USING INDEX articles_by_unread"))
    }

    /// Hits all at one end of the list: spread evenly they would make the
    /// walk cheap, so it is tried first on as many rows as the lookup
    /// costs, and given up from the end where the hits are not.
    @Test func hitsInABurstAreLookedUpFromTheOtherEnd() throws {
        let burst = try ArticleStore(path: directory.file("burst.db"))
        // 300 articles, the 20 oldest about a stranding.
        _ = try Sample.insert((0..<300).map { index in
            Sample.article("Bericht \(index)", Sample.day(index % 28 + 1, month: index / 28 + 1),
                           body: index < 20 ? "Een walvis strandde." : "Geen nieuws.")
        }, into: burst)
        let query = HeadlineQuery(search: "walvis")
        let top = burst.walksListOrder(query, skipping: 0, limit: 7, shape: { ReaderKeyset.order($0, listOrder: true) })
        let bottom = burst.walksListOrder(query, skipping: 0, limit: 7,
                                          shape: { ReaderKeyset.order($0, listOrder: false) })
        #expect(!top)
        #expect(bottom)
        let rows = try burst.pool.read { db in
            try Int64.fetchAll(db, ReaderKeyset.order(HeadlineFilter.request(query), listOrder: true).select(ArticleRecord.Columns.id))
        }
        #expect(rows.count == 20)
        #expect(try burst.headlines(query, offset: 0, limit: 7).map(\.id) == Array(rows.prefix(7)))
        #expect(try burst.headlines(query, fromEnd: 0, limit: 7).map(\.id) == Array(rows.suffix(7)))

        // From the newest hit on, the walk finds the rest at once: the trial
        // runs with the keyset's arguments before the search's.
        let key = try #require(try burst.pool.read { db in try ReaderKeyset.of(rows[0], db) })
        #expect(burst.walksListOrder(query, skipping: 1, limit: 3,
                                     shape: { ReaderKeyset.order($0.filter(key.atOrAfter), listOrder: true) }))
        #expect(try burst.headlines(query, from: rows[0], forward: true, skip: 1, limit: 3)?.map(\.id)
                == Array(rows[1..<4]))
        // Unread only: the trial walks the unread index, from either end.
        let unread = HeadlineQuery(unreadOnly: true, search: "walvis")
        #expect(!burst.walksListOrder(unread, skipping: 0, limit: 7, shape: { ReaderKeyset.order($0, listOrder: true) }))
        #expect(burst.walksListOrder(unread, skipping: 0, limit: 7, shape: { ReaderKeyset.order($0, listOrder: false) }))
        #expect(try burst.headlines(unread, fromEnd: 0, limit: 7).map(\.id) == Array(rows.suffix(7)))
    }
}
