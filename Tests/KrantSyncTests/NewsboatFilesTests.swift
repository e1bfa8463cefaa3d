import Foundation
import KrantStore
@testable import KrantSync
import Testing

/// newsboat's `urls` lines, its file locations and its made-up guids, as
/// `krant import-newsboat` reads them.
struct NewsboatFilesTests {
    @Test func urlsLinesBecomeSubscriptionsOrSkippedLinesWithTheirReason() {
        let urls = NewsboatURLs.parse("""
            # comment
            https://a.example/feed Nieuws Sport "~Het A-journaal" "!"

            "https://b.example/rss"  "met spatie" # comment after
            "query:Alles ongelezen:unread = \\"yes\\"" tag
            exec:~/bin/x.sh
            filter:~/f.sh:https://c.example/feed
            gopher://d.example/feed
            https://a.example/feed again\r
            """)
        #expect(urls.subscriptions.map(\.url) == ["https://a.example/feed", "https://b.example/rss"])
        #expect(urls.subscriptions[0].title == "Het A-journaal")
        #expect(urls.subscriptions[0].category == "Nieuws")
        #expect(urls.subscriptions[0].otherTags == ["Sport"])
        #expect(urls.subscriptions[1].category == "met spatie")
        #expect(urls.subscriptions[1].title == nil)
        #expect(urls.skipped.map(\.line) == [5, 6, 7, 8, 9])
        #expect(urls.skipped[0].text == "query:Alles ongelezen:unread = \"yes\"")
        #expect(urls.skipped[0].reason.contains("query feed"))
        #expect(urls.skipped[1].reason.contains("running a command"))
        #expect(urls.skipped[2].reason.contains("filter script"))
        #expect(urls.skipped[3].reason.contains("gopher"))
        #expect(urls.skipped[4].reason == "listed before, on line 2")
    }

    @Test func locationsFollowNewsboatsOwnRule() {
        let home = "/home/lezer"
        let dotdir = NewsboatLocation.standard(environment: [:], home: home) { _ in false }
        #expect(dotdir == NewsboatLocation(urls: "/home/lezer/.newsboat/urls", cache: "/home/lezer/.newsboat/cache.db"))
        let xdgDefault = NewsboatLocation.standard(environment: [:], home: home) { $0 == "/home/lezer/.config/newsboat" }
        #expect(xdgDefault == NewsboatLocation(urls: "/home/lezer/.config/newsboat/urls",
                                               cache: "/home/lezer/.local/share/newsboat/cache.db"))
        let xdgSet = NewsboatLocation.standard(environment: ["XDG_CONFIG_HOME": "/c", "XDG_DATA_HOME": "/d"],
                                               home: home) { $0 == "/c/newsboat" }
        #expect(xdgSet == NewsboatLocation(urls: "/c/newsboat/urls", cache: "/d/newsboat/cache.db"))
        // A relative XDG variable is ignored, as the specification says.
        let relative = NewsboatLocation.standard(environment: ["XDG_CONFIG_HOME": "rel"], home: home) {
            $0 == "/home/lezer/.config/newsboat"
        }
        #expect(relative.urls == "/home/lezer/.config/newsboat/urls")
    }

    @Test func newsboatsMadeUpGUIDsAreDropped() {
        func item(guid: String, link: String, title: String = "T") -> NewsboatCache.Item {
            NewsboatCache.Item(guid: guid, title: title, author: "", link: link, feedURL: "https://f.example/",
                               published: 0, contentHTML: "", isUnread: true, enclosureURL: nil,
                               enclosureType: nil, flags: "", base: "")
        }
        #expect(item(guid: "g1", link: "https://x/1").ownGUID == "g1")
        #expect(item(guid: "https://x/1", link: "https://x/1").ownGUID == "https://x/1")
        #expect(item(guid: "https://x/1Tue, 02 Jan 2024 10:00:00 GMT", link: "https://x/1").ownGUID == nil)
        // A guid that only starts with the link is the feed's own.
        #expect(item(guid: "https://x/1#v2", link: "https://x/1").ownGUID == "https://x/1#v2")
        #expect(item(guid: "T", link: "").ownGUID == nil)
    }
}
