import Foundation
import KrantCore
import Testing
@testable import KrantFeeds

/// Reading the Google Reader API's answers: strict where a wrong answer
/// would store wrong data, lenient where servers differ.
@Suite struct GoogleReaderDecoderTests {
    @Test func bothIDFormsAreTheSameItem() {
        #expect(GoogleReaderID.parse("1796131543948984") == 1_796_131_543_948_984)
        #expect(GoogleReaderID.parse("tag:google.com,2005:reader/item/0006619276a59eb8") == 1_796_131_543_948_984)
        #expect(GoogleReaderID.long(1_796_131_543_948_984) == "tag:google.com,2005:reader/item/0006619276a59eb8")
        #expect(GoogleReaderID.parse("tag:google.com,2005:reader/item/xyz") == nil)
        #expect(GoogleReaderID.parse("-5") == nil)
        #expect(GoogleReaderID.parse("") == nil)
    }

    @Test func onlyHTTPSOrLoopbackGetsAPassword() throws {
        #expect(try GoogleReaderClient.checkedURL("https://rss.example.org/api/greader.php/").get().absoluteString
                == "https://rss.example.org/api/greader.php")
        #expect(try GoogleReaderClient.checkedURL("http://127.0.0.1:8080").get().absoluteString == "http://127.0.0.1:8080")
        #expect((try? GoogleReaderClient.checkedURL("http://localhost/api").get()) != nil)
        #expect((try? GoogleReaderClient.checkedURL("http://[::1]:9/api").get()) != nil)
        #expect(throws: GoogleReaderError.insecureURL("http://rss.example.org")) {
            try GoogleReaderClient.checkedURL("http://rss.example.org").get()
        }
        #expect(throws: GoogleReaderError.insecureURL("http://127.0.0.1.evil.example")) {
            try GoogleReaderClient.checkedURL("http://127.0.0.1.evil.example").get()
        }
        #expect(throws: GoogleReaderError.invalidURL("ftp://x")) { try GoogleReaderClient.checkedURL("ftp://x").get() }
    }

    @Test func formsEscapeEverythingButUnreservedCharacters() {
        #expect(GoogleReaderClient.encode([("s", "user/-/label/Tech & Co"), ("T", "a+b=")])
                == "s=user%2F-%2Flabel%2FTech%20%26%20Co&T=a%2Bb%3D")
    }

    @Test func aPageBecomesItemsWithStateAndSanitisedText() throws {
        let json = #"""
            {"id":"user/-/state/com.google/reading-list","updated":1796131714,"items":[
             {"id":"tag:google.com,2005:reader/item/0006619280c93b17","timestampUsec":"1796131714054935",
              "published":1796131620,"title":"Storm \u001b[31m ＆ regen &#27;[2J","canonical":[{"href":"https://news.example/1"}],
              "categories":["user/-/state/com.google/reading-list","user/-/state/com.google/read","user/-/label/News"],
              "origin":{"streamId":"feed/2","title":"Het Nieuws","htmlUrl":"https://news.example/"},
              "summary":{"content":"<p>Body</p>"},"author":"Anna","enclosure":[{"href":"https://news.example/a.mp3","type":"audio/mpeg","length":"1234"}]},
             {"id":"1796131714054936","title":"Twee","alternate":[{"href":"https://news.example/2"}],
              "categories":["user/1005/state/com.google/starred"],"origin":{"streamId":"feed/3"}}],
             "continuation":"1796131544065621"}
            """#
        let page = try GoogleReaderDecoder.page(Data(json.utf8), endpoint: "stream/contents")
        #expect(page.items.count == 2)
        let first = page.items[0]
        #expect(first.id == 0x0006619280c93b17)
        #expect(first.streamID == "feed/2")
        #expect(first.feedTitle == "Het Nieuws")
        #expect(first.isRead && !first.isStarred)
        #expect(!first.item.title.unicodeScalars.contains("\u{1B}"))
        #expect(first.item.title.hasPrefix("Storm"))
        #expect(first.item.link == "https://news.example/1")
        #expect(first.item.contentHTML == "<p>Body</p>")
        #expect(first.item.authors == ["Anna"])
        #expect(first.item.enclosures == [Enclosure(url: "https://news.example/a.mp3", type: "audio/mpeg", length: 1234)])
        #expect(first.item.published == Date(timeIntervalSince1970: 1_796_131_620))
        let second = page.items[1]
        #expect(!second.isRead && second.isStarred)
        #expect(second.item.link == "https://news.example/2")
        #expect(second.item.contentHTML == nil)
    }

    @Test func aPageWithOneBrokenItemIsRefusedWhole() {
        let noID = #"{"items":[{"id":"1","origin":{"streamId":"feed/1"}},{"title":"x","origin":{"streamId":"feed/1"}}]}"#
        #expect(throws: GoogleReaderError.badResponse(endpoint: "e", reason: "item 2 has no valid id")) {
            try GoogleReaderDecoder.page(Data(noID.utf8), endpoint: "e")
        }
        let noFeed = #"{"items":[{"id":"1"}]}"#
        #expect(throws: GoogleReaderError.badResponse(endpoint: "e", reason: "item 1 names no feed")) {
            try GoogleReaderDecoder.page(Data(noFeed.utf8), endpoint: "e")
        }
        #expect(throws: GoogleReaderError.badResponse(endpoint: "e", reason: "not JSON (14 bytes)")) {
            try GoogleReaderDecoder.page(Data(#"{"items":[{"#.utf8) + Data("   ".utf8), endpoint: "e")
        }
        #expect(throws: GoogleReaderError.badResponse(endpoint: "e", reason: "no items list")) {
            try GoogleReaderDecoder.page(Data(#"{"error":"x"}"#.utf8), endpoint: "e")
        }
    }

    @Test func subscriptionsTakeTheirFolderAndFeedURL() throws {
        let json = #"""
            {"subscriptions":[
             {"id":"feed/2","title":"Other &amp; More","categories":[{"id":"user/-/label/News","label":"News"}],
              "url":"http://127.0.0.1:8092/other.xml","htmlUrl":"http://127.0.0.1:8092/"},
             {"id":"feed/https://miniflux.example/rss","title":"No URL field","categories":[{"id":"user/-/label/Tech"}]}]}
            """#
        let subscriptions = try GoogleReaderDecoder.subscriptions(Data(json.utf8), endpoint: "subscription/list")
        #expect(subscriptions == [
            RemoteSubscription(streamID: "feed/2", url: "http://127.0.0.1:8092/other.xml", title: "Other & More",
                                     category: "News", siteURL: "http://127.0.0.1:8092/"),
            RemoteSubscription(streamID: "feed/https://miniflux.example/rss", url: "https://miniflux.example/rss",
                                     title: "No URL field", category: "Tech"),
        ])
    }

    @Test func aSubscriptionListWithAnEntryWithoutURLIsRefusedWhole() {
        let json = #"{"subscriptions":[{"id":"feed/1","url":"https://a.example/rss"},{"id":"feed/9","title":"Unusable"}]}"#
        #expect(throws: GoogleReaderError.badResponse(endpoint: "subscription/list", reason: "subscription 2 has no URL")) {
            try GoogleReaderDecoder.subscriptions(Data(json.utf8), endpoint: "subscription/list")
        }
    }

    @Test func itemIDsMayComeWithoutAList() throws {
        #expect(try GoogleReaderDecoder.itemIDs(Data("{}".utf8), endpoint: "e").ids.isEmpty)
        let page = try GoogleReaderDecoder.itemIDs(Data(#"{"itemRefs":[{"id":"5"},{"id":7}],"continuation":"9"}"#.utf8),
                                                   endpoint: "e")
        #expect(page.ids == [5, 7])
        #expect(page.continuation == "9")
    }
}
