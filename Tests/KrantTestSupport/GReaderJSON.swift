import Foundation

/// The JSON `GReaderTestServer` answers with, written out by hand: the same
/// field names, order and shapes as FreshRSS 1.24.3 (`JSON_UNESCAPED_SLASHES`
/// and unescaped Unicode), and fast enough for pages of thousands of items.
enum GReaderJSON {
    static func string(_ text: String) -> String {
        // Most text needs no escaping: skip the scalar-by-scalar copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func longID(_ id: Int64) -> String {
        let hex = String(id, radix: 16)
        return "tag:google.com,2005:reader/item/" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// One item of a stream, as FreshRSS's `toGReader('compat')`.
    static func item(_ item: GReaderServerState.Item, in state: GReaderServerState) -> String? {
        guard let feed = state.feed(id: item.feedID) else { return nil }
        let source = item.source
        var categories = ["user/-/state/com.google/reading-list"]
        if let category = state.category(id: feed.categoryID) { categories.append("user/-/label/" + category.name) }
        if item.isRead { categories.append("user/-/state/com.google/read") }
        if item.isStarred { categories.append("user/-/state/com.google/starred") }
        var json = "{\"id\":" + string(longID(item.id))
        json += ",\"crawlTimeMsec\":\"\(item.id / 1000)\",\"timestampUsec\":\"\(item.id)\",\"published\":\(source.published)"
        json += ",\"title\":" + string(source.title)
        json += ",\"canonical\":[{\"href\":" + string(source.link) + "}],\"alternate\":[{\"href\":" + string(source.link) + "}]"
        json += ",\"categories\":[" + categories.map(string).joined(separator: ",") + "]"
        json += ",\"origin\":{\"streamId\":\"feed/\(feed.id)\",\"htmlUrl\":" + string(feed.siteURL) + ",\"title\":" + string(feed.title) + "}"
        json += ",\"summary\":{\"content\":" + string(content(of: source)) + "}"
        if let enclosure = source.enclosure {
            json += ",\"enclosure\":[{\"href\":" + string(enclosure.url) + ",\"type\":" + string(enclosure.type)
            json += enclosure.length > 0 ? ",\"length\":\(enclosure.length)}]" : "}]"
        }
        if let author = source.author, !author.isEmpty { json += ",\"author\":" + string(author) }
        return json + "}"
    }

    /// The body FreshRSS shows: the item's HTML, then a player for an audio enclosure.
    static func content(of item: GReaderTestItem) -> String {
        guard let enclosure = item.enclosure, enclosure.type.hasPrefix("audio/") else { return item.html }
        let url = attribute(enclosure.url)
        return item.html + "\n<figure class=\"enclosure\"><p class=\"enclosure-content\"><audio preload=\"none\" src=\"\(url)\""
            + " data-length=\"\(enclosure.length)\" data-type=\"\(attribute(enclosure.type))\" controls=\"controls\" title=\"\"></audio>"
            + " <a download=\"\" href=\"\(url)\">💾</a></p></figure>\n"
    }

    private static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
