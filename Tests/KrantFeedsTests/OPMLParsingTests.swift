import Foundation
import KrantFeeds
import Testing

@Suite struct OPMLParsingTests {
    @Test func importsNestedFolders() throws {
        let outlines = try OPML.parse(try ParsingFixtures.data("subscriptions.opml"))
        #expect(outlines == [
            OPMLOutline(title: "Los", xmlURL: "https://los.example/feed.xml", category: nil),
            OPMLOutline(title: "NOS Binnenland", xmlURL: "https://feeds.nos.example/binnenland", category: "Nieuws"),
            OPMLOutline(title: "Omroep Zwolle", xmlURL: "https://zwolle.example/rss?a=1&b=2", category: "Regionaal"),
            OPMLOutline(title: "Met attribuut", xmlURL: "https://cat.example/feed", category: "Gadgets"),
        ])
    }

    @Test func exportThenImportRoundTrips() throws {
        let outlines = [
            OPMLOutline(title: "Zonder map", xmlURL: "https://a.example/feed?x=1&y=\"2\"", category: nil),
            OPMLOutline(title: "NOS <Binnenland> & 'meer'", xmlURL: "https://nos.example/b", category: "Nieuws & zo"),
            OPMLOutline(title: "Tweakers", xmlURL: "https://tweakers.example/feed", category: "Tech"),
            OPMLOutline(title: "NOS Buitenland", xmlURL: "https://nos.example/c", category: "Nieuws & zo"),
            OPMLOutline(title: nil, xmlURL: "https://untitled.example/rss", category: nil),
        ]
        let text = OPML.export(outlines, title: "Mijn <feeds>")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(text.contains("<title>Mijn &lt;feeds&gt;</title>"))
        #expect(text.contains(#"<outline text="Nieuws &amp; zo" title="Nieuws &amp; zo">"#))
        let back = try OPML.parse(Data(text.utf8))
        #expect(back == [
            outlines[0],
            OPMLOutline(title: "https://untitled.example/rss", xmlURL: "https://untitled.example/rss", category: nil),
            outlines[1], outlines[3], outlines[2],
        ])
    }

    @Test func controlCharactersNeverReachTheFile() throws {
        let text = OPML.export([OPMLOutline(title: "Evil\u{1B}]52;c;eA==\u{07}\u{202E}", xmlURL: "https://e.example", category: "C\u{1B}[2J")])
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0 == "\u{202E}" })
        #expect(try OPML.parse(Data(text.utf8)) == [OPMLOutline(title: "Evil", xmlURL: "https://e.example", category: "C")])
    }

    @Test func brokenOrForeignFilesAreErrors() {
        #expect(throws: FeedParseError.notAFeed("not an OPML document")) {
            try OPML.parse(Data("<rss version=\"2.0\"/>".utf8))
        }
        #expect {
            try OPML.parse(Data("<opml><body><outline".utf8))
        } throws: { error in
            guard case .malformed(let message) = error as? FeedParseError else { return false }
            return message.hasPrefix("line 1: ")
        }
    }
}
