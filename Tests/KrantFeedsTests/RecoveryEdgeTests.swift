import Foundation
import KrantCore
@testable import KrantFeeds
import Testing

/// What the parser's three reads must get right together: every item once,
/// in order, whatever the break; counts that mean something.
@Suite struct RecoveryEdgeTests {
    private func guids(_ xml: String, batchSize: Int = 7) throws -> (guids: [String], feed: ParsedFeed) {
        var delivered: [String] = []
        let feed = try FeedParser.parse(Data(xml.utf8), batchSize: batchSize) { batch in
            delivered += batch.items.compactMap(\.guid)
        }
        return (delivered, feed)
    }

    /// The streaming reader reads the document in chunks: wherever the break
    /// falls against them, the items before it are delivered once and the
    /// items after it too.
    @Test(arguments: [0, 17, 300, 511, 1000, 4093])
    func everyItemOnceWhereverTheBreakFalls(padding: Int) throws {
        var xml = #"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>"#
        xml += "<!--" + String(repeating: "x", count: padding) + "-->"
        let count = 120
        for index in 0..<count {
            let title = index == 90 ? "Broken</titel>" : "Item \(index)</title>"
            xml += "<item><title>\(title)<guid>g\(index)</guid><description>\(String(repeating: "w ", count: 20))</description></item>"
        }
        xml += "</channel></rss>"
        let (delivered, feed) = try guids(xml)
        #expect(delivered == (0..<count).map { "g\($0)" })
        #expect(feed.recoveredErrors >= 1)
    }

    /// `<br>` in XML is left open by the recovering parser until the end of
    /// the document, with every later item inside it.
    @Test func anItemLeftOpenDoesNotSwallowTheItemsAfterIt() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><guid>a</guid><description>one<br>two</description></item>
            <item><title>B</title><guid>b</guid></item>
            <item><title>C</title><guid>c</guid></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.map(\.guid) == ["a", "b", "c"])
        #expect(feed.items.map(\.title) == ["A", "B", "C"])
    }

    @Test func anUndeclaredPrefixIsNoErrorToCount() throws {
        var xml = #"<rss version="2.0"><channel><title>T</title>"#
        for index in 0..<50 { xml += "<item><title>I\(index)</title><guid>\(index)</guid><dc:creator>X</dc:creator></item>" }
        xml += "<item><title>Last</titel></item></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.count == 51)
        #expect(feed.items[0].authors == ["X"])
        #expect(feed.recoveredErrors <= 3)
    }

    @Test func bytesReadAsWindows1252AreOneError() throws {
        var data = Data(#"<rss version="2.0"><channel><title>Caf"#.utf8)
        for _ in 0..<40 { data.append(contentsOf: [0xE9, 0x20]) }
        data.append(contentsOf: "</title><item><title>x</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(data)
        #expect(feed.title?.hasPrefix("Café é") == true)
        #expect(feed.recoveredErrors == 1)
    }

    /// A document cut off right after an item began has nothing in that item.
    @Test func anEmptyRecoveredItemIsDropped() throws {
        let xml = #"<rss version="2.0"><channel><title>T</title><item><title>Good</title></item><item>"#
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.map(\.title) == ["Good"])
    }

    /// In UTF-16 every `&` is followed by a zero byte: the byte repairs,
    /// which read ASCII, must leave such a document to the recovering parser.
    @Test func aBrokenUTF16FeedIsNotGarbled() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Zestien &amp; meer</title>"#
            + "<item><title>Één</title><guid>1</guid></item><item><title>Twee</titel><guid>2</guid></item></channel></rss>"
        var data = Data([0xFF, 0xFE])
        data.append(xml.data(using: .utf16LittleEndian)!)
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "Zestien & meer")
        #expect(feed.items.map(\.guid) == ["1", "2"])
        #expect(feed.items.first?.title == "Één")
    }

    @Test func anEnclosureWithoutTypeOrLengthHasEveryKeyInJSON() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Enclosure(url: "https://x.example/a")))
        let object = try #require(json as? [String: Any])
        #expect(Set(object.keys) == ["url", "type", "length"])
        #expect(object["type"] is NSNull)
    }
}
