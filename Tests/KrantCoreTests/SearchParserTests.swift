import KrantCore
import Testing

@Suite struct SearchParserTests {
    typealias Term = SearchQuery.Term

    @Test func wordsAreClausesThatMustAllMatch() throws {
        #expect(try SearchParser.parse("oekraine  kyiv") == SearchQuery(clauses: [[Term(words: ["oekraine"])], [Term(words: ["kyiv"])]]))
        // Words written together are one term whose words all match; punctuation-only tokens are dropped.
        #expect(try SearchParser.parse("covid-19 ...") == SearchQuery(clauses: [[Term(words: ["covid", "19"])]]))
        // `or`, AND and NEAR are words; only OR in capitals is an operator.
        #expect(try SearchParser.parse("kyiv or AND") == SearchQuery(clauses: [[Term(words: ["kyiv"])], [Term(words: ["or"])], [Term(words: ["AND"])]]))
    }

    @Test func orJoinsTheTermsOnEachSide() throws {
        #expect(try SearchParser.parse("oekraine OR kyiv OR kiev oorlog") == SearchQuery(clauses: [
            [Term(words: ["oekraine"]), Term(words: ["kyiv"]), Term(words: ["kiev"])], [Term(words: ["oorlog"])],
        ]))
    }

    @Test func minusExcludesAndMayStandAlone() throws {
        #expect(try SearchParser.parse("voetbal -ajax -\"de kuip\"") == SearchQuery(
            clauses: [[Term(words: ["voetbal"])]],
            excluded: [Term(words: ["ajax"]), Term(words: ["de", "kuip"], isPhrase: true)]))
        #expect(try SearchParser.parse("-sport") == SearchQuery(clauses: [], excluded: [Term(words: ["sport"])]))
        // A hyphen inside a word is not an exclusion.
        #expect(try SearchParser.parse("noord-korea").excluded.isEmpty)
    }

    @Test func phrasesAndTitleTerms() throws {
        #expect(try SearchParser.parse("\"Tweede  Kamer\" title:kabinet TITLE:\"val van\"") == SearchQuery(clauses: [
            [Term(words: ["Tweede", "Kamer"], isPhrase: true)],
            [Term(words: ["kabinet"], titleOnly: true)],
            [Term(words: ["val", "van"], isPhrase: true, titleOnly: true)],
        ]))
        #expect(try SearchParser.parse("-title:sport").excluded == [Term(words: ["sport"], titleOnly: true)])
        #expect(try SearchParser.parse("\"kabinet\"").needsOrder == false)
        #expect(try SearchParser.parse("\"het kabinet\"").needsOrder)
    }

    @Test(arguments: [
        ("\"tweede kamer", SearchSyntaxError.unclosedQuote),
        ("kamer \"", .unclosedQuote),
        ("-", .loneMinus),
        ("kabinet - asiel", .loneMinus),
        ("-!!!", .loneMinus),
        ("OR kyiv", .orWithoutWord),
        ("kyiv OR", .orWithoutWord),
        ("kyiv OR OR kiev", .orWithoutWord),
        ("OR", .orWithoutWord),
        ("kyiv OR -kiev", .orWithExcluded),
        ("-kiev OR kyiv", .orWithExcluded),
        ("title:", .emptyField("title")),
        ("title: kabinet", .emptyField("title")),
        ("title:...", .emptyField("title")),
        ("\"\"", .emptyPhrase),
        ("\" ... \"", .emptyPhrase),
        ("!!!", .noWord),
        ("   ", .noWord),
    ])
    func malformedSearchesSayWhatIsWrong(text: String, error: SearchSyntaxError) {
        #expect(throws: error) { try SearchParser.parse(text) }
        #expect(!error.description.isEmpty && !error.description.contains("\n"))
    }

    @Test func matchingFollowsTheTerms() throws {
        func matches(_ search: String, title: String, body: String) throws -> Bool {
            try SearchParser.parse(search).matches(title: SearchWords.of(title), body: SearchWords.of(body))
        }
        #expect(try matches("kab", title: "kabinet valt", body: ""))
        #expect(try !matches("title:asiel", title: "kabinet valt", body: "over asiel"))
        #expect(try matches("\"valt over\"", title: "", body: "het kabinet valt over asiel"))
        #expect(try !matches("\"over valt\"", title: "", body: "het kabinet valt over asiel"))
        // A phrase is whole words, not prefixes, and does not run from title into text.
        #expect(try !matches("\"kabinet val\"", title: "", body: "kabinet valt"))
        #expect(try !matches("\"valt het\"", title: "kabinet valt", body: "het is zo"))
        #expect(try matches("kyiv OR kiev -oorlog", title: "kiev", body: "vrede"))
        #expect(try !matches("kyiv OR kiev -oorlog", title: "kiev", body: "oorlog"))
    }
}
