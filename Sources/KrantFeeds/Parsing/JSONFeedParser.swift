import Foundation
import KrantCore

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ data: Data) -> Result<ParsedFeed, FeedParseError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(.malformed(describe(error)))
        }
        guard let root = object as? [String: Any] else { return .failure(.notAFeed("JSON without a feed object")) }
        guard let version = root["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/1")
            || version.hasPrefix("http://jsonfeed.org/version/1") else {
            return .failure(.notAFeed("JSON without a jsonfeed.org version"))
        }
        let items = (root["items"] as? [Any] ?? []).compactMap { ($0 as? [String: Any]).map(item) }
        return .success(ParsedFeed(kind: .jsonFeed, title: line(root["title"]),
                                   siteURL: line(root["home_page_url"]), items: items))
    }

    private static func item(_ object: [String: Any]) -> FeedItem {
        // 1.1 has `authors`; 1.0 had one `author`.
        let authorObjects = (object["authors"] as? [Any] ?? []) + [object["author"] as Any]
        let authors = authorObjects.compactMap { ($0 as? [String: Any]).flatMap { line($0["name"]) } }
        let guid: String? = switch object["id"] {
        case let text as String: line(text)
        case let number as NSNumber: number.stringValue
        default: nil
        }
        let published = [object["date_published"], object["date_modified"]].lazy
            .compactMap { ($0 as? String).flatMap(FeedDateParser.parse) }.first
        var body = (object["content_html"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        if body == nil, let text = (object["content_text"] as? String) ?? (object["summary"] as? String) {
            body = FeedText.htmlParagraphs(fromPlainText: text)
        }
        var seen = Set<String>()
        let tags = (object["tags"] as? [Any] ?? []).compactMap(line).filter { seen.insert($0).inserted }
        return FeedItem(guid: guid, link: line(object["url"]) ?? line(object["external_url"]),
                        title: line(object["title"]) ?? "", published: published, authors: authors,
                        categories: tags, contentHTML: body, mediaCaption: nil)
    }

    /// A sanitised single-line string, or nil when absent or empty.
    private static func line(_ value: Any?) -> String? {
        Sanitizer.cleanLineOrNil(value as? String)
    }

    private static func describe(_ error: any Error) -> String {
        let info = (error as NSError).userInfo
        let detail = (info[NSDebugDescriptionErrorKey] as? String) ?? "invalid JSON"
        return "JSON: " + Sanitizer.cleanLine(detail)
    }
}
