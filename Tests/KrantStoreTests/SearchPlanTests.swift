import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// A search view is counted from the index and `article_counts`, and its
/// windows are read walking the list or looking up the hits (`SearchPlan`);
/// whichever way is taken, the answers are the ones counting and sorting
/// the rows gives.
@Suite struct SearchPlanTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let ids: [Int64]

    /// 60 articles on 60 days; every third has "walvis" (20 hits), one has
    /// "zeldzaam", and one says "walvis" only after "niet" (for a phrase).
    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        let articles = (0..<60).map { index in
            let words = (index % 3 == 0 ? "Een walvis strandde. " : "Geen nieuws. ")
                + (index == 31 ? "Een zeldzaam geval." : "")
            return Sample.article("Bericht \(index)", Sample.day(index % 28 + 1, month: index / 28 + 1),
                                  body: words)
        }
        ids = try Sample.insert(articles, into: store)
    }

    /// Reads each article's state off the store by counting and sorting rows.
    func counted(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        var unread = query
        unread.unreadOnly = true
        return try store.pool.read { db in
            (try HeadlineFilter.request(query).fetchCount(db), try HeadlineFilter.request(unread).fetchCount(db))
        }
    }

    func window(_ query: HeadlineQuery, offset: Int, walking: Bool) throws -> [Int64] {
        try store.pool.read { db in
            try Int64.fetchAll(db, HeadlineFilter.ordered(query, walkingListOrder: walking)
                .select(ArticleRecord.Columns.id).limit(7, offset: offset))
        }
    }

    func expectAgreement(_ read: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for search in ["walvis", "zeldzaam", "walv", "niets"] {
            for unreadOnly in [false, true] {
                let query = HeadlineQuery(unreadOnly: unreadOnly, search: search)
                let planned = try store.pool.read { db in try SearchPlan.counts(query, in: db) }
                let rows = try counted(query)
                #expect(planned?.total == rows.total && planned?.unread == rows.unread,
                        "\(read): \(query)", sourceLocation: sourceLocation)
                #expect(try store.counts(query) == rows, "\(read): \(query)", sourceLocation: sourceLocation)
                for offset in [0, 5, 15] {
                    #expect(try window(query, offset: offset, walking: true)
                            == window(query, offset: offset, walking: false),
                            "\(read): \(query) from \(offset)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func countsAndWindowsAgreeWithTheRowsWhateverIsRead() throws {
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
                       HeadlineQuery(category: "Sport", search: "walvis"), HeadlineQuery(starredOnly: true, search: "walvis"),
                       HeadlineQuery()]
        for query in leftOut {
            #expect(try store.pool.read { db in try SearchPlan.counts(query, in: db) } == nil, "\(query)")
            #expect(try store.pool.read { db in try SearchPlan.walksListOrder(query, rows: 10, in: db) } == false)
        }
        #expect(try store.counts(HeadlineQuery(search: "\"walvis strandde\"")) == (20, 20))
    }

    /// A common word walks the list from the top; a rare one, or a window
    /// far down a common one, looks its hits up. SQLite must take the
    /// plan asked for, or the walk costs what it was meant to save.
    @Test func theWalkIsChosenForCommonWordsAndSQLiteTakesIt() throws {
        func walks(_ search: String, rows: Int) throws -> Bool {
            try store.pool.read { db in try SearchPlan.walksListOrder(HeadlineQuery(search: search), rows: rows, in: db) }
        }
        #expect(try walks("walvis", rows: 10))
        #expect(try !walks("walvis", rows: 100))
        #expect(try !walks("zeldzaam", rows: 10))
        #expect(try !walks("niets", rows: 10))

        func plan(walking: Bool, unreadOnly: Bool = false) throws -> String {
            let request = HeadlineFilter.ordered(HeadlineQuery(unreadOnly: unreadOnly, search: "walvis"),
                                                 walkingListOrder: walking).limit(10)
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
    }
}
