import Foundation
import KrantCore

/// Reads the API's JSON answers strictly enough that a page with a broken
/// item is refused whole (nothing of it is stored), and leniently about
/// what servers differ in: missing optional fields, numbers sent as strings.
enum GoogleReaderDecoder {
    static func subscriptions(_ body: Data, endpoint: String) throws(GoogleReaderError) -> [RemoteSubscription] {
        let object = try json(body, endpoint: endpoint)
        guard let list = object["subscriptions"] as? [Any] else {
            throw .badResponse(endpoint: endpoint, reason: "no subscriptions list")
        }
        // Strict: a feed missing from the list is unsubscribed, so a list
        // with an entry krant cannot read is refused whole.
        return try list.enumerated().map { (index, value) throws(GoogleReaderError) -> RemoteSubscription in
            guard let entry = value as? [String: Any], let id = entry["id"] as? String, !id.isEmpty else {
                throw .badResponse(endpoint: endpoint, reason: "subscription \(index + 1) has no id")
            }
            let url = line(entry["url"]) ?? (id.hasPrefix("feed/") && id.dropFirst(5).contains(":") ? String(id.dropFirst(5)) : nil)
            guard let url else { throw .badResponse(endpoint: endpoint, reason: "subscription \(index + 1) has no URL") }
            let folder = (entry["categories"] as? [Any] ?? []).lazy.compactMap { value -> String? in
                guard let category = value as? [String: Any] else { return nil }
                if let label = line(category["label"]) { return label }
                guard let id = category["id"] as? String, let range = id.range(of: "/label/") else { return nil }
                return Sanitizer.cleanLineOrNil(String(id[range.upperBound...]))
            }.first
            return RemoteSubscription(streamID: id, url: url, title: plainLine(entry["title"] as? String),
                                      category: folder, siteURL: line(entry["htmlUrl"]))
        }
    }

    static func page(_ body: Data, endpoint: String) throws(GoogleReaderError) -> GoogleReaderPage {
        let payload = try decode(GoogleReaderPayload.Page.self, body, endpoint: endpoint)
        guard let list = payload.items else { throw .badResponse(endpoint: endpoint, reason: "no items list") }
        var items: [GoogleReaderItem] = []
        items.reserveCapacity(list.count)
        for (index, entry) in list.enumerated() {
            guard let idText = entry.id?.text, let id = GoogleReaderID.parse(idText) else {
                throw .badResponse(endpoint: endpoint, reason: "item \(index + 1) has no valid id")
            }
            guard let stream = entry.origin?.streamId, !stream.isEmpty else {
                throw .badResponse(endpoint: endpoint, reason: "item \(index + 1) names no feed")
            }
            items.append(item(entry, id: id, stream: stream))
        }
        return GoogleReaderPage(items: items)
    }

    static func itemIDs(_ body: Data, endpoint: String) throws(GoogleReaderError) -> (ids: [Int64], continuation: String?) {
        // Ids as strings, as servers send them, decode three times as fast
        // as the lenient form, which is the fallback.
        if let plain = try? JSONDecoder().decode(GoogleReaderPayload.PlainIDs.self, from: body) {
            var ids: [Int64] = []
            ids.reserveCapacity(plain.itemRefs?.count ?? 0)
            for reference in plain.itemRefs ?? [] {
                guard let id = GoogleReaderID.parse(reference.id) else {
                    throw .badResponse(endpoint: endpoint, reason: "an item reference has no valid id")
                }
                ids.append(id)
            }
            return (ids, plain.continuation.flatMap { $0.isEmpty ? nil : $0 })
        }
        let payload = try decode(GoogleReaderPayload.IDs.self, body, endpoint: endpoint)
        // FreshRSS leaves out an empty list.
        let refs = payload.itemRefs ?? []
        var ids: [Int64] = []
        ids.reserveCapacity(refs.count)
        for reference in refs {
            guard let text = reference.id?.text, let id = GoogleReaderID.parse(text) else {
                throw .badResponse(endpoint: endpoint, reason: "an item reference has no valid id")
            }
            ids.append(id)
        }
        return (ids, continuation(payload.continuation))
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

    private static func item(_ entry: GoogleReaderPayload.Item, id: Int64, stream: String) -> GoogleReaderItem {
        let states = Set((entry.categories ?? []).map(state))
        let link = href(entry.canonical) ?? href(entry.alternate)
        let body = entry.content?.content ?? entry.summary?.content
        var seen = Set<String>()
        let enclosures = (entry.enclosure ?? []).compactMap { file -> Enclosure? in
            guard let url = Sanitizer.cleanLineOrNil(file.href), seen.insert(url).inserted else { return nil }
            return Enclosure(url: url, type: Sanitizer.cleanLineOrNil(file.type),
                             length: file.length?.int64.flatMap { $0 > 0 ? $0 : nil })
        }
        let published = entry.published?.text.flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        let author = plainLine(entry.author)
        let feedItem = FeedItem(guid: GoogleReaderID.long(id), link: link, title: plainLine(entry.title) ?? "",
                                published: published, authors: author.map { [$0] } ?? [],
                                contentHTML: body.flatMap { $0.isEmpty ? nil : $0 }, enclosures: enclosures)
        return GoogleReaderItem(id: id, streamID: stream, feedTitle: plainLine(entry.origin?.title),
                                isRead: states.contains(.read), isStarred: states.contains(.starred), item: feedItem)
    }

    private enum State { case read, starred, other }

    /// "user/-/state/…" or "user/1234/state/…": servers differ in the user part.
    private static func state(_ category: String) -> State {
        if category.hasSuffix("/state/com.google/read") { return .read }
        if category.hasSuffix("/state/com.google/starred") { return .starred }
        return .other
    }

    private static func href(_ links: [GoogleReaderPayload.Link]?) -> String? {
        links?.lazy.compactMap { Sanitizer.cleanLineOrNil($0.href) }.first
    }

    private static func continuation(_ value: GoogleReaderPayload.Lenient?) -> String? {
        guard let text = value?.text, !text.isEmpty else { return nil }
        return text
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ body: Data, endpoint: String) throws(GoogleReaderError) -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            if (try? JSONSerialization.jsonObject(with: body)) == nil {
                throw .badResponse(endpoint: endpoint, reason: "not JSON (\(body.count) bytes)")
            }
            throw .badResponse(endpoint: endpoint, reason: "not the JSON the API describes")
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
    private static func plainLine(_ value: String?) -> String? {
        value.map(FeedText.plain).flatMap(Sanitizer.cleanLineOrNil)
    }

    private static func line(_ value: Any?) -> String? {
        Sanitizer.cleanLineOrNil(value as? String)
    }
}
