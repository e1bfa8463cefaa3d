import Foundation
import Testing
@testable import KrantCore

@Suite struct PlainTextArticleParserTests {
    let parser = PlainTextArticleParser()

    func parse(_ fixture: String, readingDay: CivilDate? = nil) throws -> Article {
        try parser.parse(try FixtureLoader.bytes(fixture), readingDay: readingDay).article
    }

    @Test func sampleArticleHead() throws {
        let article = try parse("sample.txt")
        #expect(article.source == "NOS Nieuws")
        #expect(article.title == "Na Noord-Korea krijgt Poetin ook warm onthaal in Vietnam")
        #expect(article.when == "vandaag, 11:29")
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: nil, hour: 11, minute: 29))
        #expect(article.leadCaption == Caption(
            credit: "ANP", text: "Poetin verwelkomt door de Vietnamese president To Lam tijdens het staatsbezoek in Hanoi"))
    }

    @Test func sampleArticleBlocksInOrder() throws {
        let blocks = try parse("sample.txt").blocks
        let kinds = blocks.map(\.typeName)
        #expect(kinds.count { $0 == "paragraph" } == 11)
        #expect(kinds == ["paragraph", "paragraph", "paragraph", "paragraph", "caption",
                          "paragraph", "paragraph", "paragraph", "section",
                          "paragraph", "paragraph", "paragraph", "paragraph"])
        #expect(blocks[4] == .caption(Caption(credit: "ANP", text: "De welkomstceremonie bij het presidentieel paleis in Hanoi")))
        #expect(blocks[8] == .section("Balanceeract"))
        #expect(blocks[0] == .paragraph("Op de eerste dag van zijn staatsbezoek in Vietnam heeft de Russische president Poetin afspraken gemaakt over nauwere samenwerking tussen de twee landen. Ze hebben de intentie uitgesproken voor een breed strategisch partnerschap."))
        #expect(blocks.last?.plainText.hasSuffix("om de oorlog in Oekraïne te promoten.") == true)
    }

    @Test func readingDayResolvesVandaagWhenItAgreesWithTheDateLine() throws {
        let article = try parse("sample.txt", readingDay: CivilDate(year: 2024, month: 6, day: 20))
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: 20, hour: 11, minute: 29))
        #expect(article.published?.iso8601 == "2024-06-20T11:29:00")
    }

    @Test func readingDayThatContradictsTheDateLineIsIgnored() throws {
        let article = try parse("sample.txt", readingDay: CivilDate(year: 2026, month: 11, day: 29))
        #expect(article.published == PublishedDate(year: 2024, month: 6, hour: 11, minute: 29))
        #expect(article.published?.iso8601 == "2024-06")
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let article = try parse("bom-crlf.txt", readingDay: CivilDate(year: 2024, month: 6, day: 14))
        #expect(article.leadCaption == Caption(credit: "ANP", text: "Een foto van de haven"))
        #expect(article.source == "NOS Nieuws")
        #expect(article.when == "gisteren, 22:05")
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: 13, hour: 22, minute: 5))
        #expect(article.title == "Haven van Rotterdam draait op volle toeren")
        #expect(article.blocks == [
            .paragraph("De haven verwerkte vorig jaar meer containers dan ooit."),
            .caption(Caption(credit: "EPA-EFE", text: "Kranen aan de Maasvlakte")),
            .section("Vooruitzichten"),
            .paragraph("Ook dit jaar verwacht het havenbedrijf groei."),
        ])
    }

    @Test func invalidUTF8IsReplacedAndAbsoluteDateResolved() throws {
        let article = try parse("invalid-utf8-absolute-date.txt")
        #expect(article.title == "Caf\u{FFFD} in Utrecht sluit na honderd jaar")
        #expect(article.when == "12 mei 2024, 08:15")
        #expect(article.published == PublishedDate(year: 2024, month: 5, day: 12, hour: 8, minute: 15))
        #expect(article.leadCaption == nil)
        #expect(article.blocks == [
            .paragraph("Het café aan de Oudegracht sluit na een eeuw de deuren \u{FFFD}\u{FFFD} voorgoed."),
            .caption(Caption(credit: "Reuters/ANP", text: "De bar van het café")),
        ])
    }

    @Test func missingBylineMakesTheFirstLineAfterTheLeadCaptionTheTitle() throws {
        let article = try parse("no-byline.txt")
        #expect(article.leadCaption == Caption(credit: "AFP", text: "Demonstranten in Parijs"))
        #expect(article.title == "Grote stakingen in Frankrijk tegen pensioenhervorming")
        #expect(article.source == nil)
        #expect(article.when == nil)
        #expect(article.published == PublishedDate(year: 2023, month: 3))
        #expect(article.blocks.count == 2)
    }

    @Test func missingDateLineAndLeadCaptionWithWeekday() throws {
        // 2024-06-19 is a Wednesday; "zaterdag" is the Saturday before it.
        let article = try parse("no-date-no-lead.txt", readingDay: CivilDate(year: 2024, month: 6, day: 19))
        #expect(article.leadCaption == nil)
        #expect(article.source == "NOS Nieuws")
        #expect(article.when == "zaterdag, 10:00")
        #expect(article.title == "Oranje wint oefenduel")
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: 15, hour: 10, minute: 0))
        #expect(article.blocks[1] == .caption(Caption(credit: "Getty Images", text: "Blijdschap bij de Oranje-spelers")))
    }

    @Test func weekdayWithoutReadingDayKeepsOnlyTheText() throws {
        let article = try parse("no-date-no-lead.txt")
        #expect(article.when == "zaterdag, 10:00")
        #expect(article.published == nil)
    }

    @Test func eergisteren() throws {
        let article = try parse("weekday-eergisteren.txt", readingDay: CivilDate(year: 2024, month: 6, day: 20))
        #expect(article.leadCaption == Caption(credit: "Hollandse Hoogte", text: "Het Binnenhof in de ochtend"))
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: 18, hour: 7, minute: 12))
    }

    @Test func escapeSequencesNeverReachTheModel() throws {
        let article = try parse("escapes.txt")
        #expect(article.title == "Kop met wisser")
        #expect(article.blocks == [.paragraph("Tekst met een klembordaanval en een C1-kleur en omgekeerd.")])
    }

    @Test func rejectsEmptyBinaryAndNonArticles() throws {
        #expect(throws: ArticleRejection.empty) { try parser.parse(try FixtureLoader.bytes("empty.txt")) }
        #expect(throws: ArticleRejection.empty) { try parser.parse(Array("\n  \r\n".utf8)) }
        #expect(throws: ArticleRejection.binary) { try parser.parse(try FixtureLoader.bytes("binary.png")) }
        #expect(throws: ArticleRejection.notAnArticle("no paragraphs")) {
            try parser.parse(Array("Alleen een kop\n".utf8))
        }
        let longLine = String(repeating: "woord ", count: 80) + "einde."
        #expect(throws: ArticleRejection.self) { try parser.parse(Array("\(longLine)\n\nTekst.\n".utf8)) }
    }

    @Test func sectionNeedsAFollowingBlockAndNoFinalPunctuation() {
        #expect(parser.classify("Balanceeract", next: "Tekst.") == .section("Balanceeract"))
        #expect(parser.classify("Balanceeract", next: nil) == .paragraph("Balanceeract"))
        #expect(parser.classify("Wat nu?", next: "Tekst.") == .paragraph("Wat nu?"))
        #expect(parser.classify("ANP meldt dat het kabinet valt.", next: "Tekst.")
                == .paragraph("ANP meldt dat het kabinet valt."))
        #expect(parser.classify("APK-keuring wordt duurder", next: "Tekst.") == .section("APK-keuring wordt duurder"))
        #expect(parser.classify("EPA-EFE Een betoging", next: nil)
                == .caption(Caption(credit: "EPA-EFE", text: "Een betoging")))
        #expect(parser.classify("ANP / Hollandse Hoogte Een dijk", next: nil)
                == .caption(Caption(credit: "ANP/Hollandse Hoogte", text: "Een dijk")))
    }

    /// The bundled articles are the first thing a new user sees: each must parse
    /// with the captions and sections its author wrote.
    @Test(arguments: [
        ("000_efc67cec27737acb.txt", 11, 1, 1),
        ("001_binnenland_dijkversterking.txt", 10, 2, 2),
        ("002_sport_schaatsen.txt", 9, 2, 3),
        ("003_tech_japan_emoji.txt", 9, 2, 2),
        ("004_buitenland_verkiezingen.txt", 8, 1, 1),
    ])
    func bundledArticleParses(name: String, paragraphs: Int, captions: Int, sections: Int) throws {
        let resources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../Resources/articles/\(name)")
        let article = try parser.parse([UInt8](try Data(contentsOf: resources))).article
        let kinds = article.blocks.map(\.typeName)
        #expect(kinds.count { $0 == "paragraph" } == paragraphs)
        #expect(kinds.count { $0 == "caption" } == captions)
        #expect(kinds.count { $0 == "section" } == sections)
        #expect(article.source?.hasPrefix("NOS") == true)
        #expect(article.when != nil)
    }
}
