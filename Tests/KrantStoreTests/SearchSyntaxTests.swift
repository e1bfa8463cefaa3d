import Foundation
import KrantCore
import Testing
@testable import KrantStore

/// Each piece of the search syntax finds exactly its articles in the store
/// (through the contentless FTS5 index, and the phrase check beside it).
@Suite struct SearchSyntaxTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let ids: [Int64]

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
        ids = try Sample.insert([
            Sample.article("Kabinet valt over asiel", Sample.day(1), body: "De Tweede Kamer debatteert vandaag."),
            Sample.article("Kamer twee debatteert", Sample.day(2), body: "Over de tweede lezing van het kabinet."),
            Sample.article("Oorlog in Oekraïne", Sample.day(3), body: "Raketten op Kyiv."),
            Sample.article("Vrede in Kiev?", Sample.day(4), body: "Onderhandelingen over het kabinet."),
        ], into: store)
        try store.integrityCheck()
    }

    func found(_ search: String) throws -> Set<Int64> {
        let headlines = try store.headlines(HeadlineQuery(search: search), limit: 100)
        #expect(try store.count(HeadlineQuery(search: search)) == headlines.count)
        return Set(headlines.map(\.id))
    }

    @Test func orFindsEither() throws {
        #expect(try found("kyiv OR kiev") == [ids[2], ids[3]])
        #expect(try found("oekraine OR kiev vrede") == [ids[3]])
        #expect(try found("kabinet or") == [], "lower-case or is a word")
    }

    @Test func minusLeavesOut() throws {
        #expect(try found("kabinet -asiel") == [ids[1], ids[3]])
        #expect(try found("-kabinet") == [ids[2]])
        #expect(try found("kabinet -title:kabinet") == [ids[1], ids[3]])
    }

    @Test func phrasesAreExactAndInOrder() throws {
        // Both have the words "tweede" and "kamer"; only one has them together.
        #expect(try found("\"tweede kamer\"") == [ids[0]])
        #expect(try found("\"Tweede Kamer\" -\"kamer twee\"") == [ids[0]])
        #expect(try found("kamer -\"tweede kamer\"") == [ids[1]])
        #expect(try found("\"tweede kam\"") == [], "a phrase's words are whole")
        #expect(try found("\"oekraine\"") == [ids[2]], "accents optional in phrases too")
        #expect(try found("\"tweede kamer\" OR kyiv") == [ids[0], ids[2]])
    }

    @Test func titleOnlyLooksAtTheTitle() throws {
        #expect(try found("title:kabinet") == [ids[0]])
        #expect(try found("title:\"twee debatteert\"") == [ids[1]])
        #expect(try found("title:kyiv") == [])
    }

    @Test func malformedSearchesMatchNothing() throws {
        for text in ["\"tweede", "-", "kabinet OR", "title:", "!!!"] {
            #expect(try found(text) == [])
            #expect(try store.markAllRead(HeadlineQuery(search: text)) == 0)
        }
        try store.integrityCheck()
    }
}
