import Foundation
import KrantCore
import KrantFeeds
import Testing

@Suite struct FeedParsingTests {
    @Test func readsRSS2() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("rss2.xml"))
        #expect(feed.kind == .rss)
        #expect(feed.title == "NOS Nieuws - Binnenland")
        #expect(feed.siteURL == "https://nos.example/nieuws/binnenland")
        #expect(feed.items.count == 2)

        let first = feed.items[0]
        #expect(first.title == "Dijk bij Zwolle & Kampen versterkt")
        #expect(first.link == "https://nos.example/artikel/1")
        #expect(first.guid == "nos-1")
        #expect(first.published == ParsingFixtures.utc(2024, 6, 19, 9, 29, 5))
        #expect(first.authors == ["Jan Jansen", "Piet Pieters"])
        #expect(first.categories == ["Binnenland", "Klimaat"])
        #expect(first.contentHTML == #"<p>Het waterschap <b>versterkt</b> de dijk.</p><h2>Kosten</h2><p>Het kost <a href="/kosten">veel geld</a>.</p>"#)
        #expect(first.mediaCaption == Caption(credit: "ANP", text: "Werkzaamheden aan de dijk bij Zwolle"))

        let second = feed.items[1]
        #expect(second.title == "Tweede bericht")
        #expect(second.guid == "https://nos.example/artikel/2")
        #expect(second.link == "https://nos.example/artikel/2", "a permalink guid stands in for the link")
        #expect(second.published == ParsingFixtures.utc(2024, 6, 20, 8))
        #expect(second.authors == ["Redactie Binnenland"])
        #expect(second.categories == [])
        #expect(second.contentHTML == "<p>Alleen een <em>beschrijving</em>.</p>")
        #expect(second.mediaCaption == nil)
    }

    @Test func rssItemBecomesAnArticle() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("rss2.xml"))
        let article = feed.items[0].article(feedURL: "https://feeds.nos.example/binnenland", feedTitle: feed.title,
                                            category: nil, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        #expect(article.title == "Dijk bij Zwolle & Kampen versterkt")
        #expect(article.source == "NOS Nieuws - Binnenland")
        #expect(article.category == "Binnenland")
        #expect(article.url == "https://nos.example/artikel/1")
        #expect(article.published == PublishedDate(year: 2024, month: 6, day: 19, hour: 11, minute: 29))
        #expect(article.when == nil)
        #expect(article.leadCaption == Caption(credit: "ANP", text: "Werkzaamheden aan de dijk bij Zwolle"))
        #expect(article.blocks == [
            .paragraph("Het waterschap versterkt de dijk."),
            .section("Kosten"),
            .paragraph("Het kost veel geld [1]."),
        ])
        #expect(article.links == ["https://nos.example/kosten"])
        #expect(article.origin == .feed(url: "https://feeds.nos.example/binnenland", guid: "nos-1"))

        let chosen = feed.items[1].article(feedURL: "https://f.example", feedTitle: nil, category: "Eigen",
                                           timeZone: TimeZone(identifier: "UTC")!)
        #expect(chosen.category == "Eigen")
        #expect(chosen.source == nil)
        #expect(chosen.published == PublishedDate(year: 2024, month: 6, day: 20, hour: 8, minute: 0))
        #expect(chosen.blocks == [.paragraph("Alleen een beschrijving.")])
        #expect(chosen.origin == .feed(url: "https://f.example", guid: "https://nos.example/artikel/2"))
    }

    @Test func readsAtom() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("atom.xml"))
        #expect(feed.kind == .atom)
        #expect(feed.title == "Voorbeeld Atom")
        #expect(feed.siteURL == "https://atom.example/")
        #expect(feed.items.count == 3)

        let html = feed.items[0]
        #expect(html.title == "Kabinet valt & herrijst")
        #expect(html.link == "https://atom.example/2024/kabinet")
        #expect(html.guid == "tag:atom.example,2024:1")
        #expect(html.published == ParsingFixtures.utc(2024, 6, 19, 9, 29, 5).addingTimeInterval(0.123)
            || html.published == ParsingFixtures.utc(2024, 6, 19, 9, 29, 5))
        #expect(html.authors == ["Anna de Vries"])
        #expect(html.categories == ["Politiek"])
        #expect(html.contentHTML == #"<p>Eerste alinea.</p><figure><img src="a.jpg"><figcaption>Het Binnenhof (EPA)</figcaption></figure>"#)
        let article = html.article(feedURL: "https://atom.example/feed.atom", feedTitle: feed.title, category: nil)
        #expect(article.blocks == [.paragraph("Eerste alinea."), .caption(Caption(credit: "EPA", text: "Het Binnenhof"))])
        #expect(article.leadCaption == nil)

        let xhtml = feed.items[1]
        #expect(xhtml.link == "https://atom.example/2024/xhtml", "a link without rel is the alternate")
        #expect(xhtml.published == ParsingFixtures.utc(2024, 6, 18, 7, 5), "updated stands in for published")
        #expect(xhtml.categories == ["cultuur"])
        let xhtmlArticle = xhtml.article(feedURL: "https://atom.example/feed.atom", feedTitle: nil, category: nil)
        #expect(xhtmlArticle.blocks == [.paragraph("Een xhtml alinea."), .quote("Een citaat.")])

        let summary = feed.items[2]
        #expect(summary.published == ParsingFixtures.utc(2024, 6, 17, 6, 5))
        #expect(summary.contentHTML == "<p>Regel een &lt;geen tag&gt;</p>\n<p>Tweede alinea.</p>")
        let summaryArticle = summary.article(feedURL: "https://atom.example/feed.atom", feedTitle: nil, category: nil)
        #expect(summaryArticle.blocks == [.paragraph("Regel een <geen tag>"), .paragraph("Tweede alinea.")])
    }

    @Test func readsJSONFeed() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("jsonfeed.json"))
        #expect(feed.kind == .jsonFeed)
        #expect(feed.title == "JSON Nieuws")
        #expect(feed.siteURL == "https://json.example/")
        #expect(feed.items.count == 2)

        let first = feed.items[0]
        #expect(first.guid == "1")
        #expect(first.link == "https://json.example/1")
        #expect(first.title == "Eerste bericht", "the escape sequence is removed whole")
        #expect(first.published == ParsingFixtures.utc(2024, 6, 19, 9, 29, 5))
        #expect(first.authors == ["Anna", "Bram"])
        #expect(first.categories == ["Tech", "Sport"])
        let article = first.article(feedURL: "https://json.example/feed.json", feedTitle: feed.title, category: nil)
        #expect(article.blocks == [.paragraph("Hallo wereld [1].")])
        #expect(article.links == ["https://json.example/x"])
        #expect(article.category == "Tech")

        let second = feed.items[1]
        #expect(second.guid == "2")
        #expect(second.link == "https://elders.example/2")
        #expect(second.authors == ["Oude Auteur"], "JSON Feed 1.0 author")
        #expect(second.published == ParsingFixtures.utc(2024, 6, 20, 8))
        #expect(second.contentHTML == "<p>Platte tekst met &lt;tags&gt; &amp; zo.</p>\n<p>Tweede alinea.</p>")
    }

    @Test func readsRSS1RDF() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("rdf.xml"))
        #expect(feed.kind == .rss)
        #expect(feed.title == "RDF Nieuws")
        #expect(feed.siteURL == "https://rdf.example/")
        #expect(feed.items.count == 1)
        #expect(feed.items[0].guid == "https://rdf.example/1")
        #expect(feed.items[0].title == "RDF bericht")
        #expect(feed.items[0].categories == ["Economie"])
        #expect(feed.items[0].published == ParsingFixtures.utc(2024, 6, 19, 11, 29, 5))
    }

    @Test func rejectsWhatIsNoFeed() {
        #expect(throws: FeedParseError.notAFeed("an HTML page")) {
            try FeedParser.parse(Data("<!DOCTYPE html>\n<html><body><p>Hoi</body></html>".utf8))
        }
        #expect(throws: FeedParseError.notAFeed("root element <opml>")) {
            try FeedParser.parse(Data(#"<?xml version="1.0"?><opml version="2.0"><body/></opml>"#.utf8))
        }
        #expect(throws: FeedParseError.notAFeed("JSON without a jsonfeed.org version")) {
            try FeedParser.parse(Data(#"{"items": []}"#.utf8))
        }
        #expect(throws: FeedParseError.notAFeed("empty document")) { try FeedParser.parse(Data("  \n".utf8)) }
        #expect(throws: FeedParseError.notAFeed("neither XML nor JSON")) { try FeedParser.parse(Data("hallo".utf8)) }
    }

    @Test func readsLatin1Feeds() throws {
        var data = Data(#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf"#.utf8)
        data.append(0xE9)
        data.append(contentsOf: "</title><item><title>Item</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "Caf\u{E9}")
        #expect(feed.items.map(\.title) == ["Item"])
    }

    @Test func undeclaredPrefixesStillWork() throws {
        let xml = """
        <rss version="2.0"><channel><title>T</title><item><title>A</title>
        <dc:creator>Zonder namespace</dc:creator><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
        </item></channel></rss>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items[0].authors == ["Zonder namespace"])
        #expect(feed.items[0].contentHTML == "<p>Body</p>")
    }
}
