import Foundation
import KrantContent
import KrantCore
import KrantFeeds
import Testing

/// An import stores feed items with their HTML bodies (`storableArticle`)
/// and lays them out when read or indexed (`HTMLBody`). That the store's read
/// gives the article `article` makes at once is checked in KrantStoreTests
/// (`FeedArticleTests`), through the store.
@Suite struct StorableArticleTests {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!

    @Test(arguments: ["rss2.xml", "atom.xml", "rdf.xml", "jsonfeed.json"])
    func theSearchWordsAreTheWordsShown(_ fixture: String) throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data(fixture))
        #expect(!feed.items.isEmpty)
        var compared = 0
        for item in feed.items {
            let stored = item.storableArticle(feedURL: "https://f.example/feed", feedTitle: feed.title, category: nil,
                                              timeZone: Self.zone)
            let direct = item.article(feedURL: "https://f.example/feed", feedTitle: feed.title, category: nil,
                                      timeZone: Self.zone)
            if let html = stored.bodyHTML {
                let text = HTMLBody.searchableText(leadCredit: stored.leadCaption?.credit,
                                                   leadText: stored.leadCaption?.text, html: html)
                let withoutLinkNumbers = direct.searchableBody.replacing(#/ \[\d+\]/#, with: "")
                #expect(text == withoutLinkNumbers)
                compared += 1
            }
        }
        // Every fixture item has a title, an identity and a body, so each is
        // stored with its HTML: a store that laid them all out at once would
        // otherwise leave nothing compared here.
        #expect(compared == feed.items.count)
    }

    @Test func aStoredItemKeepsItsHTMLAndTheFeedsCaption() throws {
        let feed = try FeedParser.parse(try ParsingFixtures.data("rss2.xml"))
        let stored = feed.items[0].storableArticle(feedURL: "https://f.example/feed", feedTitle: feed.title,
                                                   category: nil, timeZone: Self.zone)
        #expect(stored.bodyHTML == feed.items[0].contentHTML)
        #expect(stored.blocks.isEmpty)
        #expect(stored.leadCaption == Caption(credit: "ANP", text: "Werkzaamheden aan de dijk bij Zwolle"))
        #expect(stored.title == "Dijk bij Zwolle & Kampen versterkt")
    }

    @Test func anItemWithoutTitleOrIdentityIsLaidOutAtOnce() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
              {"id": "1", "content_html": "<p>Eerste woorden van het bericht</p>"},
              {"id": "", "title": "Zonder id", "content_html": "<p>Tekst zonder adres</p>"}]}
            """
        let feed = try FeedParser.parse(Data(json.utf8))
        let untitled = feed.items[0].storableArticle(feedURL: "https://f.example/feed", feedTitle: nil, category: nil)
        #expect(untitled.bodyHTML == nil)
        #expect(untitled.title == "Eerste woorden van het bericht")
        let anonymous = feed.items[1].storableArticle(feedURL: "https://f.example/feed", feedTitle: nil, category: nil)
        #expect(anonymous.bodyHTML == nil)
        #expect(anonymous.blocks == [.paragraph("Tekst zonder adres")])
    }
}
