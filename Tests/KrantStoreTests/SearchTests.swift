import Foundation
import KrantCore
import Testing
@testable import KrantStore

@Suite struct SearchTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let ids: [Int64]

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        ids = try Sample.insert([
            Sample.article("Steun voor Oekraïne", Sample.day(1), category: "Buitenland",
                           body: "Het kabinet stuurt meer luchtverdediging."),
            Sample.article("Kabinet valt", Sample.day(2), category: "Binnenland",
                           body: "De coalitie breekt over asiel.", read: true),
            Sample.article("Zomerweer", Sample.day(3), body: "Het wordt warm in Oekraïne en hier."),
            Article(title: "Bijschrift", leadCaption: Caption(credit: "ANP", text: "Zelensky in Kyiv"),
                    blocks: [.caption(Caption(credit: "Reuters", text: "Een tank")), .section("Frontlinie")]),
        ], into: store)
    }

    @Test func findsWordsWithAndWithoutDiacritics() throws {
        let expected = [ids[2], ids[0]]
        #expect(try store.headlines(HeadlineQuery(search: "oekraine"), limit: 10).map(\.id) == expected)
        #expect(try store.headlines(HeadlineQuery(search: "Oekraïne"), limit: 10).map(\.id) == expected)
        #expect(try store.headlines(HeadlineQuery(search: "OEKRAÏNE"), limit: 10).map(\.id) == expected)
        #expect(try store.count(HeadlineQuery(search: "oekraine")) == 2)
    }

    @Test func matchesEveryWordAsAPrefixInTitleOrBody() throws {
        #expect(try store.headlines(HeadlineQuery(search: "kabin"), limit: 10).map(\.id) == [ids[1], ids[0]])
        #expect(try store.headlines(HeadlineQuery(search: "kabinet luchtverdediging"), limit: 10).map(\.id)
                == [ids[0]])
        #expect(try store.headlines(HeadlineQuery(search: "kabinet walvis"), limit: 10) == [])
        // Lead caption, captions and section headings are searchable; credits are not.
        #expect(try store.headlines(HeadlineQuery(search: "zelensky tank frontlinie"), limit: 10).map(\.id)
                == [ids[3]])
        #expect(try store.count(HeadlineQuery(search: "reuters")) == 0)
    }

    @Test func combinesWithTheOtherFilters() throws {
        #expect(try store.headlines(HeadlineQuery(unreadOnly: true, search: "kabinet"), limit: 10).map(\.id)
                == [ids[0]])
        #expect(try store.unreadCount(HeadlineQuery(search: "kabinet")) == 1)
        #expect(try store.count(HeadlineQuery(category: "Binnenland", search: "kabinet")) == 1)
        #expect(try store.markAllRead(HeadlineQuery(search: "oekraine")) == 2)
        #expect(try store.unreadCount(.all) == 1)
    }

    @Test func userSyntaxNeverReachesFTS5() throws {
        for hostile in [#"""#, "(", #"kabinet" AND("#, "NEAR(kabinet", "kabinet OR", "-kabinet", "*", "^",
                        "title:kabinet", #""kabinet"#, "AND", "NOT kabinet"] {
            #expect(throws: Never.self) { try store.headlines(HeadlineQuery(search: hostile), limit: 10) }
        }
        #expect(try store.headlines(HeadlineQuery(search: #"kabinet ( * ^"#), limit: 10).map(\.id)
                == [ids[1], ids[0]])
        // Malformed text (an unclosed quote) matches nothing.
        #expect(try store.count(HeadlineQuery(search: #"kabinet" ("#)) == 0)
        // AND is a word to look for, not an operator.
        #expect(try store.count(HeadlineQuery(search: "kabinet AND coalitie")) == 0)
        // A search without a word matches nothing (never everything, which
        // would let mark-all-read mark the whole store); an empty one is no search.
        #expect(try store.count(HeadlineQuery(search: #"" ( )"#)) == 0)
        #expect(try store.count(HeadlineQuery(unreadOnly: true, search: "!!!")) == 0)
        #expect(try store.markAllRead(HeadlineQuery(search: "...")) == 0)
        #expect(try store.count(HeadlineQuery(search: "")) == 4)
    }
}
