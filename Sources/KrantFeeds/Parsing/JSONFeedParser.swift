import Foundation
import KrantCore

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Feeds that
/// write `version` as `"1.1"`, or leave it out, are still JSON Feeds when
/// their `items` is an array: the version is read, not enforced.
enum JSONFeedParser {
    static func parse(_ data: Data, batchSize: Int, deliver: (ParsedFeed) -> Void) -> Result<ParsedFeed, FeedParseError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(.malformed(describe(error)))
        }
        guard let root = object as? [String: Any] else { return .failure(.notAFeed("JSON without a feed object")) }
        guard let items = root["items"] as? [Any], isJSONFeed(root, items: items) else {
            return .failure(.notAFeed("JSON without a jsonfeed.org version"))
        }
        let feed = ParsedFeed(kind: .jsonFeed, title: line(root["title"]), siteURL: line(root["home_page_url"]))
        var start = items.startIndex
        while start < items.endIndex {
            let end = min(start + batchSize, items.endIndex)
            var batch = feed
            batch.items = items[start..<end].compactMap { ($0 as? [String: Any]).map(item) }
            if !batch.items.isEmpty { deliver(batch) }
            start = end
        }
        return .success(feed)
    }

    /// A jsonfeed.org version, any version with a title, or a title and
    /// items that have ids: what a JSON Feed has, whatever its `version` says.
    private static func isJSONFeed(_ root: [String: Any], items: [Any]) -> Bool {
        if let version = root["version"] as? String, version.contains("jsonfeed.org/version/") { return true }
        guard root["title"] is String else { return false }
        return root["version"] is String || items.contains { ($0 as? [String: Any])?["id"] != nil }
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
        var urls = Set<String>()
        let enclosures = (object["attachments"] as? [Any] ?? []).compactMap { value -> Enclosure? in
            guard let attachment = value as? [String: Any], let url = line(attachment["url"]),
                  urls.insert(url).inserted else { return nil }
            let size = (attachment["size_in_bytes"] as? NSNumber)?.int64Value
            return Enclosure(url: url, type: line(attachment["mime_type"]), length: size.flatMap { $0 > 0 ? $0 : nil })
        }
        return FeedItem(guid: guid, link: line(object["url"]) ?? line(object["external_url"]),
                        title: line(object["title"]) ?? "", published: published, authors: authors,
                        categories: tags, contentHTML: body, mediaCaption: nil, enclosures: enclosures)
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
