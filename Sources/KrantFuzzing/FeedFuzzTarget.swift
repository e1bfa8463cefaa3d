import Foundation
import KrantCore
import KrantFeeds

/// A feed document through `FeedParser`, and each item made into the
/// article the store would keep. The parser picks the format from the bytes
/// (there is no way to ask for one), so each format is its own target with
/// its own seeds, and an input that lost its root element gets one back:
/// mutations then stay on that format's path instead of ending at "not a feed".
enum FeedFuzzTarget {
    enum Format {
        case rss, atom, rdf, jsonFeed

        /// Bytes that, found anywhere in the input, mean it names its own root.
        var rootMarker: [UInt8] {
            switch self {
            case .rss: Array("<rss".utf8)
            case .atom: Array("<feed".utf8)
            case .rdf: Array("RDF".utf8)
            case .jsonFeed: Array("{".utf8)
            }
        }

        /// What goes before an input without its root.
        var rootPrefix: [UInt8] {
            switch self {
            case .rss: Array(#"<rss version="2.0"><channel>"#.utf8)
            case .atom: Array(#"<feed xmlns="http://www.w3.org/2005/Atom">"#.utf8)
            case .rdf: Array(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">"#.utf8)
            case .jsonFeed: Array(#"{"version":"https://jsonfeed.org/version/1.1","items":["#.utf8)
            }
        }
    }

    static let feedURL = "https://fuzz.example/feed"

    static func run(_ bytes: [UInt8], format: Format, _ check: inout InvariantCheck) {
        let document = bytes.contains(subsequence: format.rootMarker) ? bytes : format.rootPrefix + bytes
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(Data(document))
        } catch {
            check.expectOneLine(error.description, "the parse error")
            return
        }
        for (field, text) in [("the feed title", feed.title), ("the site URL", feed.siteURL)] {
            if let text { check.expectOneLine(text, field) }
        }
        for (index, item) in feed.items.enumerated() {
            let name = "item \(index + 1)"
            let fields = [("title", item.title), ("link", item.link), ("guid", item.guid),
                          ("credit", item.mediaCaption?.credit), ("caption", item.mediaCaption?.text)]
                + item.authors.map { ("author", $0) } + item.categories.map { ("category", $0) }
            for (field, text) in fields {
                if let text { check.expectOneLine(text, "\(name)'s \(field)") }
            }
            let article = item.storableArticle(feedURL: feedURL, feedTitle: feed.title, category: nil,
                                               timeZone: TimeZone(identifier: "UTC") ?? .current)
            ArticleCheck.run(article, name: "\(name)'s article", &check)
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = startIndex
        while let candidate = self[index...].firstIndex(of: first) {
            if self[candidate...].starts(with: needle) { return true }
            index = candidate + 1
        }
        return false
    }
}
