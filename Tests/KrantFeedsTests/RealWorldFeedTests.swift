import Foundation
import KrantContent
import KrantCore
@testable import KrantFeeds
import Testing

/// Feeds as people really write them: one fixture of our own per rule of
/// issue 10 §1 (Fixtures/real-world), each field checked.
@Suite struct RealWorldFeedTests {
    private func feed(_ name: String, url: String? = nil) throws -> ParsedFeed {
        try FeedParser.parse(try ParsingFixtures.data("real-world/\(name)"), url: url)
    }

    private func words(_ item: FeedItem, feedURL: String = "https://feed.example/feed") -> [String] {
        item.article(feedURL: feedURL, feedTitle: nil, category: nil).blocks.map(\.plainText)
    }

    // MARK: Recoverable errors

    @Test func aBareAmpersandIsText() throws {
        let feed = try feed("bare-ampersand.rss")
        #expect(feed.title == "Vis & Zo")
        #expect(feed.items.map(\.title) == ["Fish & Chips on the pier", "Second catch"])
        #expect(feed.items[0].link == "https://vis.example/lees?a=1&b=2")
        #expect(words(feed.items[0]) == ["Salt & vinegar, always."])
        #expect(feed.recoveredErrors == 4)
    }

    @Test func htmlEntitiesAreTheirCharacters() throws {
        let feed = try feed("html-entities.rss")
        #expect(feed.title == "Café Nieuws")
        #expect(feed.items.map(\.title) == ["Crème brûlé — a recipe", "Naïve … &unknownthing; end"])
        #expect(words(feed.items[0]) == ["Weigh 200 g"])
        #expect(feed.recoveredErrors == 10)
    }

    @Test func bytesThatAreNotUTF8AreReadAsWindows1252() throws {
        let feed = try feed("stray-latin1-bytes.rss")
        #expect(feed.items.map(\.title) == ["Café it’s open", "Clean été"])
        #expect(words(feed.items[0]) == ["naïve € 5"])
        // The document's encoding is one error, however many bytes it had.
        #expect(feed.recoveredErrors == 1)
    }

    @Test func aMistypedEndTagLosesNoItem() throws {
        let feed = try feed("mistyped-tag.rss")
        #expect(feed.title == "Typo")
        #expect(feed.items.map(\.guid) == ["t-1", "t-2", "t-3"])
        #expect(feed.items.prefix(2).map(\.title) == ["First", "Second"])
        #expect(feed.recoveredErrors >= 1)
    }

    @Test func aFeedCutOffKeepsEveryItemBeforeTheCut() throws {
        let feed = try feed("unclosed-at-end.rss")
        #expect(Array(feed.items.map(\.title).prefix(2)) == ["Whole", "Also whole"])
        #expect(feed.items.count >= 2)
        #expect(feed.recoveredErrors >= 1)
    }

    /// The streaming read delivers items before it meets the error; the
    /// read after the repair must not deliver them a second time.
    @Test func itemsBeforeAnErrorAreDeliveredOnce() throws {
        var xml = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>"#
        for index in 0..<600 { xml += "<item><title>Item \(index)</title><guid>g\(index)</guid></item>" }
        xml += "<item><title>Fish & Chips</title><guid>last</guid></item></channel></rss>"
        var delivered: [String] = []
        let header = try FeedParser.parse(Data(xml.utf8), batchSize: 100) { batch in
            delivered += batch.items.compactMap(\.guid)
        }
        #expect(delivered.count == 601)
        #expect(Set(delivered).count == 601)
        #expect(delivered.last == "last")
        #expect(header.recoveredErrors == 1)
        #expect(header.title == "Many")
    }

    @Test func aCleanFeedRecoversFromNothing() throws {
        #expect(try FeedParser.parse(try ParsingFixtures.data("rss2.xml")).recoveredErrors == 0)
    }

    // MARK: Encodings

    @Test func utf8WinsOverADeclaredSingleByteEncoding() throws {
        let feed = try feed("declared-1252-but-utf8.rss")
        #expect(feed.items.map(\.title) == ["Euro € and café"])
        #expect(feed.recoveredErrors == 0)
    }

    @Test func c1ReferencesAreWindows1252Characters() throws {
        let feed = try feed("c1-references.rss")
        #expect(feed.title == "It’s C1")
        #expect(feed.items.map(\.title) == ["It’s 9–5 … really"])
        #expect(words(feed.items[0]) == ["Quote: “yes”"])
    }

    // MARK: Where the title, body and links hide

    @Test func dublinCoreAndMediaTitlesStandInForAMissingTitle() throws {
        let feed = try feed("dc-and-media-titles.rss")
        #expect(feed.title == "Dublin Core Channel")
        #expect(feed.items.map(\.title) == ["Titled by Dublin Core", "Titled by Media RSS", "Own title"])
        #expect(try self.feed("media-title-channel.rss").title == "Media Channel")
    }

    @Test func contentEncodedWinsOverDescription() throws {
        let item = try #require(try feed("encoded-and-description.rss").items.first)
        #expect(words(item) == ["The whole story.", "Second paragraph."])
    }

    @Test func itunesSummaryIsTheBodyOfAnEpisodeWithoutOne() throws {
        let item = try #require(try feed("itunes-summary.rss").items.first)
        #expect(words(item) == ["We talk about trains.", "And about boats & ferries."])
        #expect(item.authors == ["Anna Host"])
        #expect(item.enclosures == [Enclosure(url: "https://pod.example/ep12.mp3", type: "audio/mpeg", length: 31_457_280)])
    }

    @Test func xhtmlBodiesKeepTheirStructure() throws {
        let rss = try #require(try feed("xhtml-body.rss").items.first)
        let article = rss.article(feedURL: "https://x.example/feed", feedTitle: nil, category: nil)
        #expect(article.blocks == [.section("Heading"), .paragraph("First & only. Same paragraph.")])
        let atom = try #require(try feed("atom-xhtml-prefixed.atom").items.first)
        let prefixed = atom.article(feedURL: "https://x.example/feed", feedTitle: nil, category: nil)
        #expect(prefixed.blocks == [.section("Section"), .paragraph("Para one."), .paragraph("Para two.")])
    }

    @Test func atom03ContentModes() throws {
        let feed = try feed("atom03.atom")
        #expect(feed.title == "Old Atom")
        #expect(feed.siteURL == "https://old.example/")
        #expect(feed.items.map(\.title) == ["Escaped", "Base64", "Plain"])
        #expect(feed.items[0].link == "https://old.example/1")
        #expect(feed.items[0].published == ParsingFixtures.utc(2005, 1, 2, 3, 4, 5))
        #expect(words(feed.items[0]) == ["Escaped HTML body."])
        #expect(words(feed.items[1]) == ["Decoded from base64."])
        #expect(words(feed.items[2]) == ["Plain <not a tag> text"])
    }

    @Test func rssInADefaultNamespaceAndWithoutAVersion() throws {
        let namespaced = try feed("rss-in-namespace.rss")
        #expect(namespaced.title == "UserLand")
        #expect(namespaced.siteURL == "https://userland.example/")
        let item = try #require(namespaced.items.first)
        #expect(item.title == "Namespaced item")
        #expect(item.link == "https://userland.example/1")
        #expect(item.guid == "ul-1")
        #expect(words(item) == ["Body in a namespace."])
        let unversioned = try feed("rss-without-version.rss")
        #expect(unversioned.items.map(\.title) == ["Still an item"])
    }

    @Test func jsonFeedsWhateverTheirVersionSays() throws {
        let short = try feed("jsonfeed-short-version.json")
        #expect(short.kind == .jsonFeed)
        #expect(short.items.map(\.title) == ["One"])
        #expect(short.items[0].authors == ["Piet", "Kees"])
        #expect(short.items[0].enclosures == [Enclosure(url: "https://j.example/a.mp3", type: "audio/mpeg", length: 1234)])
        let none = try feed("jsonfeed-no-version.json")
        #expect(none.title == "No version at all")
        #expect(none.items.map(\.title) == ["Item without version"])
        #expect(none.items[0].authors == ["Solo"])
    }

    // MARK: Links

    @Test func xmlBaseAtFeedEntryAndContentLevel() throws {
        let feed = try feed("xml-base.atom", url: "https://fetched.example/feeds/bases.atom")
        #expect(feed.siteURL == "https://base.example/blog/")
        let first = feed.items[0]
        #expect(first.link == "https://base.example/blog/posts/1.html")
        let firstArticle = first.article(feedURL: "https://fetched.example/feeds/bases.atom", feedTitle: nil, category: nil)
        #expect(firstArticle.links == ["https://base.example/blog/img/photo.jpg"])
        let second = feed.items[1]
        #expect(second.link == "https://other.example/entry/2.html")
        #expect(second.contentBase == "https://other.example/content/")
        let secondArticle = second.article(feedURL: "https://fetched.example/feeds/bases.atom", feedTitle: nil, category: nil)
        #expect(secondArticle.links == ["https://other.example/content/note.html"])
    }

    @Test func relativeLinksResolveAgainstTheFeedsURL() throws {
        let feed = try feed("relative-links.rss", url: "https://rel.example/news/feed.xml")
        #expect(feed.siteURL == "https://rel.example/")
        let item = try #require(feed.items.first)
        #expect(item.link == "https://rel.example/articles/7")
        let article = item.article(feedURL: "https://rel.example/news/feed.xml", feedTitle: nil, category: nil)
        #expect(article.url == "https://rel.example/articles/7")
        #expect(article.links == ["https://rel.example/more/7"])
    }

    @Test func theHTMLAlternateIsTheLinkAmongSeveral() throws {
        let item = try #require(try feed("several-links.atom").items.first)
        #expect(item.link == "https://links.example/1.html")
        #expect(item.enclosures == [Enclosure(url: "https://links.example/1.jpg", type: "image/jpeg", length: 2048)])
        #expect(item.authors == ["Atom Author"])
    }

    // MARK: Authors and enclosures

    @Test func authorsAndEnclosuresAreRead() throws {
        let feed = try feed("authors-and-enclosures.rss")
        #expect(feed.items.map(\.authors) == [["Jan Jansen"], ["Marie Curie"]])
        #expect(feed.items[1].enclosures == [
            Enclosure(url: "https://people.example/talk.mp3", type: "audio/mpeg", length: 5_000_000),
            Enclosure(url: "https://people.example/photo.jpg", type: "image/jpeg", length: 40960),
        ])
    }
}

/// More places feeds hide things, found by reading the fixtures of an
/// established parser with krant (issue 10's closing note has the figures).
@Suite struct HiddenFieldTests {
    private func feed(_ name: String) throws -> ParsedFeed {
        try FeedParser.parse(try ParsingFixtures.data("real-world/\(name)"))
    }

    private func words(_ item: FeedItem) -> [String] {
        item.article(feedURL: "https://feed.example/feed", feedTitle: nil, category: nil).blocks.map(\.plainText)
    }

    @Test func titlesWrittenAsMarkupShowTheirTextNotTheirTags() throws {
        let old = try feed("atom-titles-as-markup.atom")
        #expect(old.title == "Bold channel")
        #expect(old.items.map(\.title) == ["An escaped title", "A base64 title"])
        let xhtml = try feed("atom-xhtml-title-with-script.atom")
        #expect(xhtml.title == "Safe title")
        #expect(xhtml.items.map(\.title) == ["Bold entry", "Encoded title"])
    }

    @Test func atomContentOfAnotherMediaTypeIsBase64() throws {
        let item = try #require(try feed("atom-xhtml-title-with-script.atom").items.first)
        #expect(words(item) == ["Decoded body"])
    }

    @Test func oldRSSBodies() throws {
        let items = try feed("rss-body-and-fullitem.rss").items
        #expect(items.map(words) == [["Inline body text"], ["Escaped full item"], ["Only Dublin Core"]])
    }

    @Test func anAtomFeedWithoutAtomsNamespace() throws {
        let feed = try feed("atom-without-namespace.atom")
        #expect(feed.kind == .atom)
        #expect(feed.title == "No namespace")
        #expect(feed.siteURL == "https://plain.example/")
        #expect(feed.items.map(\.title) == ["Entry without namespace", "Link as text"])
        #expect(feed.items.map(\.link) == ["https://plain.example/1", "https://plain.example/2"])
        #expect(feed.items[0].authors == ["Nobody Special"])
        #expect(words(feed.items[0]) == ["Summary text"])
    }

    @Test func authorsWhereverTheFeedPutsThem() throws {
        let items = try feed("authors-everywhere.rss").items
        #expect(items.map(\.authors) == [["Anna Editor"], ["Dirk Dublin"], ["Ingrid Tunes"]])
        #expect(words(items[2]) == ["Summary in the capitalised namespace"])
    }

    @Test func anXHTMLDoctypeBeforeTheRSSIsNoHTMLPage() throws {
        let feed = try feed("xhtml-doctype-before-rss.rss")
        #expect(feed.title == "Template doctype")
        #expect(feed.items.map(\.title) == ["Capital A"])
        #expect(feed.recoveredErrors == 1)
    }
}
