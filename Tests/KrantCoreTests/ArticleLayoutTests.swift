import Testing
import KrantCore

@Suite struct ArticleLayoutTests {
    let article = Article(
        source: "NOS Nieuws", title: "Kop", when: "vandaag, 11:29",
        leadCaption: Caption(credit: "ANP", text: "Een foto"),
        blocks: [.paragraph("Tekst met een link [1]."), .section("Tussenkop"), .quote("Een citaat"),
                 .listItem("Een punt dat over twee regels loopt"), .caption(Caption(credit: "EPA", text: "Nog een foto"))],
        links: ["https://nos.nl/artikel/1"])

    @Test func everyBlockKindHasItsOwnLook() {
        let layout = ArticleLayout(article: article, width: 30)
        #expect(layout.plainLines == [
            "Kop", "NOS Nieuws • today, 11:29", "", "│ ANP · Een foto", "",
            "Tekst met een link [1].", "", "§ Tussenkop", "", "┃ Een citaat", "",
            "• Een punt dat over twee", "  regels loopt", "", "│ EPA · Nog een foto", "",
            "Links", "[1] https://nos.nl/artikel/1",
        ])
        #expect(layout.lines[3].spans.map(\.role) == [.captionCredit, .captionCredit, .captionText])
        #expect(layout.lines[7].spans.allSatisfy { $0.role == .section })
        #expect(layout.blockStartLines == [5, 7, 9, 11, 14])
        #expect(layout.leadCaptionLine == 3)
        #expect(layout.sectionLines(in: article) == [7])
        #expect(layout.captionLines(in: article) == [3, 14])
        #expect(layout.firstLine(of: .block(3)) == 11)
        #expect(layout.firstLine(of: .links) == 15)
    }

    @Test func bylineFallsBackToThePublishedDate() {
        let feedItem = Article(source: "NOS Nieuws", title: "Kop",
                               published: PublishedDate(year: 2024, month: 6, day: 19, hour: 9, minute: 5))
        #expect(ArticleLayout(article: feedItem, width: 40).plainLines[1] == "NOS Nieuws • 19 Jun 2024, 09:05")
        let monthOnly = Article(title: "Kop", published: PublishedDate(year: 2024, month: 6))
        #expect(ArticleLayout(article: monthOnly, width: 40).plainLines[1] == "Jun 2024")
    }

    /// The layout's own words follow the interface; the article's never do.
    @Test func dutchHeadingsAndDate() {
        var feedItem = article
        feedItem.when = nil
        feedItem.published = PublishedDate(year: 2024, month: 6, day: 19, hour: 9, minute: 5)
        feedItem.enclosures = [Enclosure(url: "https://nos.nl/a.mp3", type: "audio/mpeg", length: 30_000_000)]
        let dutch = ArticleLayout(article: feedItem, width: 60, language: .dutch).plainLines
        #expect(dutch[1] == "NOS Nieuws • 19 jun 2024, 09:05")
        #expect(dutch.suffix(5) == ["Links", "[1] https://nos.nl/artikel/1", "", "Bijlagen",
                                    "• https://nos.nl/a.mp3 (audio/mpeg, 30,0 MB)"])
        let english = ArticleLayout(article: feedItem, width: 60).plainLines
        #expect(english[1] == "NOS Nieuws • 19 Jun 2024, 09:05")
        #expect(english.suffix(2) == ["Enclosures", "• https://nos.nl/a.mp3 (audio/mpeg, 30.0 MB)"])
        #expect(Array(dutch.dropFirst(2).dropLast(5)) == Array(english.dropFirst(2).dropLast(5)))
    }

    @Test func narrowWidthsDropPrefixesRatherThanOverflow() {
        let layout = ArticleLayout(article: article, width: 5)
        #expect(layout.plainLines.allSatisfy { DisplayWidth.of($0) <= 5 })
        #expect(ArticleLayout(article: article, width: 0).width == 1)
    }

    /// The reader asks for the lines it shows; they are the lines of the
    /// whole layout, with the same anchors, wherever the range falls.
    @Test func linesAskedForByRangeAreTheWholeLayoutsLines() {
        let layout = ArticleLayout(article: article, width: 12)
        let whole = layout.lines
        let anchors = layout.anchors
        #expect(whole.count == layout.lineCount)
        #expect(anchors.count == layout.lineCount)
        for start in 0..<whole.count {
            for end in start...(whole.count + 2) {
                #expect(layout.lines(in: start..<end) == Array(whole[start..<min(end, whole.count)]))
            }
            #expect(layout.anchor(ofLine: start) == anchors[start])
        }
        #expect(layout.lines(in: -3..<2) == Array(whole[0..<2]))
        #expect(layout.lines(in: whole.count..<(whole.count + 5)).isEmpty)
    }
}
