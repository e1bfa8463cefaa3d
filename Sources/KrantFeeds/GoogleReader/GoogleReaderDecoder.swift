import Foundation
import KrantCore

/// Reads the API's JSON answers strictly enough that a page with a broken
/// item is refused whole (nothing of it is stored), and leniently about
/// what servers differ in: missing optional fields, numbers sent as strings.
enum GoogleReaderDecoder {
    static func subscriptions(_ body: Data, endpoint: String) throws(GoogleReaderError) -> [GoogleReaderSubscription] {
        let object = try json(body, endpoint: endpoint)
        guard let list = object["subscriptions"] as? [Any] else {
            throw .badResponse(endpoint: endpoint, reason: "no subscriptions list")
        }
        return list.compactMap { value -> GoogleReaderSubscription? in
            guard let entry = value as? [String: Any], let id = entry["id"] as? String, !id.isEmpty else { return nil }
            let url = line(entry["url"]) ?? (id.hasPrefix("feed/") && id.dropFirst(5).contains(":") ? String(id.dropFirst(5)) : nil)
            guard let url else { return nil }
            let folder = (entry["categories"] as? [Any] ?? []).lazy.compactMap { value -> String? in
                guard let category = value as? [String: Any] else { return nil }
                if let label = line(category["label"]) { return label }
                guard let id = category["id"] as? String, let range = id.range(of: "/label/") else { return nil }
                return Sanitizer.cleanLineOrNil(String(id[range.upperBound...]))
            }.first
            return GoogleReaderSubscription(streamID: id, url: url, title: plainLine(entry["title"]),
                                            folder: folder, siteURL: line(entry["htmlUrl"]))
        }
    }

    static func page(_ body: Data, endpoint: String) throws(GoogleReaderError) -> GoogleReaderPage {
        let object = try json(body, endpoint: endpoint)
        guard let list = object["items"] as? [Any] else { throw .badResponse(endpoint: endpoint, reason: "no items list") }
        var items: [GoogleReaderItem] = []
        items.reserveCapacity(list.count)
        for (index, value) in list.enumerated() {
            guard let entry = value as? [String: Any] else {
                throw .badResponse(endpoint: endpoint, reason: "item \(index + 1) is not an object")
            }
            guard let idText = entry["id"] as? String, let id = GoogleReaderID.parse(idText) else {
                throw .badResponse(endpoint: endpoint, reason: "item \(index + 1) has no valid id")
            }
            guard let origin = entry["origin"] as? [String: Any], let stream = origin["streamId"] as? String,
                  !stream.isEmpty else {
                throw .badResponse(endpoint: endpoint, reason: "item \(index + 1) names no feed")
            }
            items.append(item(entry, id: id, stream: stream, origin: origin))
        }
        return GoogleReaderPage(items: items, continuation: continuation(object["continuation"]),
                                serverTime: (object["updated"] as? NSNumber)?.int64Value)
    }

    static func itemIDs(_ body: Data, endpoint: String) throws(GoogleReaderError) -> (ids: [Int64], continuation: String?) {
        let object = try json(body, endpoint: endpoint)
        // FreshRSS leaves out an empty list.
        let refs = object["itemRefs"] as? [Any] ?? []
        var ids: [Int64] = []
        ids.reserveCapacity(refs.count)
        for value in refs {
            let id: Int64? = switch (value as? [String: Any])?["id"] {
            case let text as String: GoogleReaderID.parse(text)
            case let number as NSNumber: number.int64Value
            default: nil
            }
            guard let id else { throw .badResponse(endpoint: endpoint, reason: "an item reference has no valid id") }
            ids.append(id)
        }
        return (ids, continuation(object["continuation"]))
    }

    static func quickAdd(_ body: Data, endpoint: String, url: String) throws(GoogleReaderError) -> String {
        let object = try json(body, endpoint: endpoint)
        guard let stream = object["streamId"] as? String, !stream.isEmpty,
              (object["numResults"] as? NSNumber)?.intValue ?? 1 > 0 else {
            let reason = line(object["error"]) ?? "no feed found at \(url)"
            throw .refused(endpoint: endpoint, status: 200, body: reason)
        }
        return stream
    }

    private static func item(_ entry: [String: Any], id: Int64, stream: String, origin: [String: Any]) -> GoogleReaderItem {
        let categories = entry["categories"] as? [Any] ?? []
        let states = Set(categories.compactMap { ($0 as? String).map(state) })
        let link = href(entry["canonical"]) ?? href(entry["alternate"])
        let body = ((entry["content"] as? [String: Any])?["content"] as? String)
            ?? ((entry["summary"] as? [String: Any])?["content"] as? String)
        var seen = Set<String>()
        let enclosures = (entry["enclosure"] as? [Any] ?? []).compactMap { value -> Enclosure? in
            guard let file = value as? [String: Any], let url = line(file["href"]), seen.insert(url).inserted else { return nil }
            let length: Int64? = switch file["length"] {
            case let number as NSNumber: number.int64Value
            case let text as String: Int64(text)
            default: nil
            }
            return Enclosure(url: url, type: line(file["type"]), length: length.flatMap { $0 > 0 ? $0 : nil })
        }
        let published: Date? = switch entry["published"] {
        case let number as NSNumber: Date(timeIntervalSince1970: number.doubleValue)
        case let text as String: Double(text).map(Date.init(timeIntervalSince1970:))
        default: nil
        }
        let author = plainLine(entry["author"])
        let feedItem = FeedItem(guid: GoogleReaderID.long(id), link: link,
                                title: plainLine(entry["title"]) ?? "", published: published,
                                authors: author.map { [$0] } ?? [], contentHTML: body.flatMap { $0.isEmpty ? nil : $0 },
                                enclosures: enclosures)
        return GoogleReaderItem(id: id, streamID: stream, feedTitle: plainLine(origin["title"]),
                                isRead: states.contains(.read), isStarred: states.contains(.starred), item: feedItem)
    }

    private enum State { case read, starred, other }

    /// "user/-/state/…" or "user/1234/state/…": servers differ in the user part.
    private static func state(_ category: String) -> State {
        if category.hasSuffix("/state/com.google/read") { return .read }
        if category.hasSuffix("/state/com.google/starred") { return .starred }
        return .other
    }

    private static func href(_ value: Any?) -> String? {
        (value as? [Any])?.lazy.compactMap { ($0 as? [String: Any]).flatMap { line($0["href"]) } }.first
    }

    private static func continuation(_ value: Any?) -> String? {
        switch value {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    private static func json(_ body: Data, endpoint: String) throws(GoogleReaderError) -> [String: Any] {
        do {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw GoogleReaderError.badResponse(endpoint: endpoint, reason: "not a JSON object")
            }
            return object
        } catch let error as GoogleReaderError {
            throw error
        } catch {
            throw .badResponse(endpoint: endpoint, reason: "not JSON (\(body.count) bytes)")
        }
    }

    /// Text that may carry entities (servers escape titles differently),
    /// decoded and then sanitised, so a `&#27;` cannot become an escape.
    private static func plainLine(_ value: Any?) -> String? {
        (value as? String).map(FeedText.plain).flatMap(Sanitizer.cleanLineOrNil)
    }

    private static func line(_ value: Any?) -> String? {
        Sanitizer.cleanLineOrNil(value as? String)
    }
}
