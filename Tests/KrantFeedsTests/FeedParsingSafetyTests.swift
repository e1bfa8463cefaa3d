import Foundation
import KrantContent
import KrantCore
import KrantFeeds
import Testing

@Suite struct FeedParsingSafetyTests {
    @Test func malformedXMLIsAnErrorWithItsLine() {
        let xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Kapot</titel>\n</channel></rss>"
        #expect(throws: FeedParseError.malformed("line 4: Opening and ending tag mismatch: title line 4 and titel")) {
            try FeedParser.parse(Data(xml.utf8))
        }
        let truncated = "<rss version=\"2.0\"><channel><title>Half"
        #expect {
            try FeedParser.parse(Data(truncated.utf8))
        } throws: { error in
            guard case .malformed(let message) = error as? FeedParseError else { return false }
            return message.hasPrefix("line 1: ")
        }
    }

    /// A document cut off inside its only item still gives that item: a feed
    /// is rejected only when no item can be read.
    @Test func aTruncatedFeedKeepsTheItemsItHas() throws {
        let truncated = "<rss version=\"2.0\"><channel><item><title>Half"
        let feed = try FeedParser.parse(Data(truncated.utf8))
        #expect(feed.items.map(\.title) == ["Half"])
        #expect(feed.recoveredErrors > 0)
    }

    @Test func anUndefinedEntityIsReadAsHTMLWould() throws {
        let xml = "<rss version=\"2.0\"><channel><title>A&nbsp;B</title></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "A B")
        #expect(feed.recoveredErrors == 1)
    }

    /// Entities are never expanded (no XML_PARSE_NOENT), and their references
    /// are skipped when text is read. These would expand to a few harmless
    /// bytes, so breaking that fails here rather than in the bomb below.
    @Test func internalEntitiesAreNeverExpanded() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;">]>
        <rss version="2.0"><channel><title>x&lol2;y</title><item><title>Kop &lol; en &lol1;</title>
        <description>&lol2;</description></item></channel></rss>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "xy")
        #expect(feed.items.map(\.title) == ["Kop en"])
        #expect(feed.items.first?.contentHTML == nil, "a body of only references is empty")
    }

    /// A billion laughs: libxml2 may refuse it as an entity loop (2.9 does),
    /// or read it with the references skipped; either way no field holds
    /// any of the expansion.
    @Test func entityExpansionBombIsRefusedOrLeftUnexpanded() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>Kop &lol9;</title>"
        xml += "<description>&lol9;</description></item></channel></rss>"
        switch Result(catching: { () throws(FeedParseError) in try FeedParser.parse(Data(xml.utf8)) }) {
        case .success(let feed):
            #expect(feed.title == nil)
            #expect(feed.items.map(\.title) == ["Kop"])
            #expect(feed.items.first?.contentHTML == nil)
        case .failure(let error):
            guard case .malformed(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.hasPrefix("line "), "\(message)")
        }
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>x&geheim;y</title></channel></rss>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "xy")
    }

    @Test func oversizedDocumentsAreRefusedBeforeParsing() throws {
        let xml = Data("<rss version=\"2.0\"><channel><title>Groot</title></channel></rss>".utf8)
        #expect(throws: FeedParseError.tooLarge(limit: 32)) { try FeedParser.parse(xml, sizeLimit: 32) }
        #expect((try? FeedParser.parse(xml, sizeLimit: xml.count)) != nil, "the limit itself is allowed")

        // A well-formed feed padded to one byte over the default limit: it
        // parses at the limit, so only the size check can refuse it.
        var huge = xml
        huge.append(Data(repeating: 0x20, count: FeedParser.defaultSizeLimit + 1 - xml.count))
        #expect(throws: FeedParseError.tooLarge(limit: FeedParser.defaultSizeLimit)) { try FeedParser.parse(huge) }
        huge.removeLast()
        #expect(try FeedParser.parse(huge).title == "Groot", "the default limit itself is allowed")
        // All zeros is not XML at all, yet it is refused for its size, not for its bytes.
        let zeros = Data(count: 100 * 1024 * 1024 + 1)
        #expect(throws: FeedParseError.tooLarge(limit: FeedParser.defaultSizeLimit)) { try FeedParser.parse(zeros) }
        #expect(FeedParseError.tooLarge(limit: FeedParser.defaultSizeLimit).description == "too large: over 64 MB")
    }

    @Test func escapeSequencesAndBidiOverridesComeOutClean() throws {
        // Raw ESC and BEL are not allowed in XML 1.0; the parser retries without them,
        // turning ESC [ / ESC ] into CSI / OSC so that whole sequences are removed.
        let xml = "<rss version=\"2.0\"><channel><title>Kanaal\u{1B}]0;gekaapt\u{07}</title><item>"
            + "<title>Kop\u{1B}[2J\u{1B}[1;31m rood\u{202E}mees\u{202C}</title>"
            + "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Auteur\u{1B}]52;c;ZXZpbA==\u{07}</dc:creator>"
            + "<category>Cat\u{2066}egorie\u{2069}</category>"
            + "<description><![CDATA[<p>Tekst\u{1B}]52;c;ZXZpbA==\u{07} veilig\u{202E}</p><figure><figcaption>ANP Foto\u{1B}[2J</figcaption></figure>]]></description>"
            + "</item></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "Kanaal")
        let item = try #require(feed.items.first)
        #expect(item.title == "Kop roodmees")
        #expect(item.authors == ["Auteur"])
        #expect(item.categories == ["Categorie"])
        let article = item.article(feedURL: "https://x.example/\u{1B}[2Jfeed", feedTitle: feed.title, category: nil)
        #expect(article.blocks == [.paragraph("Tekst veilig"), .caption(Caption(credit: "ANP", text: "Foto"))])
        #expect(article.origin == .feed(url: "https://x.example/feed", guid: ""))
        #expect(article.title == "Kop roodmees")
    }

    @Test func escapedControlCharactersInHTMLBodiesAreRemoved() {
        let html = "<p>Een &#27;[2J titel \u{1B}]52;c;ZXZpbA==\u{07}en \u{202E}tekst</p><h2>Kop\u{1B}[31m</h2>"
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        for block in article.blocks {
            #expect(!block.plainText.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        }
        #expect(article.blocks == [.paragraph("Een titel en tekst"), .section("Kop")])
    }

    @Test func controlCharacterReferencesDoNotRejectAFeed() throws {
        // XML 1.0 forbids `&#27;` as it forbids a raw ESC: one of them made
        // libxml2 refuse the whole document. Each becomes what its raw byte
        // becomes (ESC [ → CSI), so the sequence goes whole.
        let xml = "<rss version=\"2.0\"><channel><title>Kanaal&#x1b;]0;gekaapt&#7;</title><item>"
            + "<title>Kop&#27;[2J &#12;rood</title><description>Tekst&#27;[31m</description></item>"
            + "<item><title>Tweede &amp;#27; weg</title></item></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "Kanaal")
        // Escaped once more, it is markup in a title (as RSS titles often are), laid out as HTML.
        #expect(feed.items.map(\.title) == ["Kop rood", "Tweede weg"])
        let article = feed.items[0].article(feedURL: "https://x.example/feed", feedTitle: feed.title, category: nil)
        #expect(article.blocks == [.paragraph("Tekst")])
    }
}
