import Foundation

/// One line of a recorded Google Reader session (`Fixtures/greader-*.jsonl`):
/// an HTTP exchange, or a step between exchanges that changes the server
/// (new items arrive, the clock passes a second, the API password changes).
///
/// Everything that differs between runs is written as a placeholder by
/// `GReaderNormalizer`, so a re-recording is byte-identical and a replay
/// against another server can compare its answers with these.
public struct GReaderTranscriptEntry: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case exchange
        /// `items` (guids from `GReaderTestFeeds`) arrive in the feed at `feed` (a path) and the server refreshes.
        case publish
        /// Time moves past the current second, so later items are newer by `ot=`'s whole seconds.
        case nextSecond
        /// The user's API password becomes `password`.
        case password
    }

    public var kind: Kind
    public var label: String
    public var method: String?
    /// Relative to the API base, such as "/reader/api/0/token".
    public var path: String?
    public var query: [[String]]?
    /// Form fields of a POST, in order, repeated names kept; nil for a request without a body.
    public var form: [[String]]?
    /// Whether an Authorization header was sent, and (normalised) which.
    public var auth: Bool?
    public var authorization: String?
    public var status: Int?
    public var contentType: String?
    /// The `Google-Bad-Token` response header, when there was one.
    public var googleBadToken: String?
    /// The whole response body, normalised.
    public var body: String?
    public var feed: String?
    public var items: [String]?
    public var password: String?

    enum CodingKeys: String, CodingKey {
        case kind, label, method, path, query, form, auth, authorization, status
        case contentType = "content_type", googleBadToken = "google_bad_token", body, feed, items, password
    }

    public init(kind: Kind, label: String) {
        self.kind = kind
        self.label = label
    }

    /// One JSON object per line: sorted keys, unescaped slashes.
    public static func encodeLines(_ entries: [GReaderTranscriptEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try entries.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    public static func decodeLines(_ text: String) throws -> [GReaderTranscriptEntry] {
        try text.split(separator: "\n").map { try JSONDecoder().decode(GReaderTranscriptEntry.self, from: Data($0.utf8)) }
    }

    /// The recording of FreshRSS 1.24.3 that `GReaderTestServer` is held to.
    public static func freshRSSRecording() throws -> [GReaderTranscriptEntry] {
        guard let url = Bundle.module.url(forResource: "greader-freshrss-1.24.3", withExtension: "jsonl",
                                          subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try decodeLines(try String(contentsOf: url, encoding: .utf8))
    }

    /// Where the recorder writes the fixture in the source tree.
    public static var fixtureSourcePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/greader-freshrss-1.24.3.jsonl").path
    }
}

/// Replaces what differs between two runs of the same session with stable
/// placeholders, numbered in order of first appearance: item ids in either
/// form (`{I3}`, `tag:google.com,2005:reader/item/{I3}`; continuations and
/// `newestItemTimestampUsec` are item ids too), auth hashes (`{SHA1}`),
/// crawl milliseconds (`{MS}`), `"updated"` seconds (`"{NOW}"`), the favicon
/// hash (`{ICON}`) and the two servers' base URLs (`{SERVER}`, `{FEEDS}`).
/// `denormalize` turns placeholders back into this session's values, so a
/// recorded request can be sent to another server.
public final class GReaderNormalizer {
    private let serverBase: String
    private let feedsBase: String
    private var idNumbers: [Int64: Int] = [:]
    private var ids: [Int64] = []
    private var shaNumbers: [String: Int] = [:]
    private var shas: [String] = []

    private static let longID = try! NSRegularExpression(pattern: "tag:google\\.com,2005:reader/item/([0-9a-f]{16})")
    private static let sha = try! NSRegularExpression(pattern: "(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])")
    private static let decimalID = try! NSRegularExpression(pattern: "(?<![0-9])[0-9]{16}(?![0-9])")
    private static let milliseconds = try! NSRegularExpression(pattern: "(?<![0-9])[0-9]{13}(?![0-9])")
    private static let updated = try! NSRegularExpression(pattern: "\"updated\":[0-9]+")
    private static let icon = try! NSRegularExpression(pattern: "\\{SERVER\\}/f\\.php\\?[0-9a-f]+")
    private static let placeholder = try! NSRegularExpression(pattern: "\\{(I|SHA)([0-9]+)(/1e6([+-][0-9]+)?)?\\}")

    public init(serverBase: String, feedsBase: String) {
        self.serverBase = serverBase
        self.feedsBase = feedsBase
    }

    public func normalize(_ text: String) -> String {
        // With the slash after the port: one port may be a prefix of the other.
        var text = text.replacingOccurrences(of: serverBase + "/", with: "{SERVER}/")
            .replacingOccurrences(of: feedsBase + "/", with: "{FEEDS}/")
        text = Self.replace(Self.longID, in: text) { groups in
            "tag:google.com,2005:reader/item/{I\(self.number(ofID: Int64(groups[1], radix: 16) ?? -1))}"
        }
        text = Self.replace(Self.sha, in: text) { groups in "{SHA\(self.number(ofSHA: groups[0]))}" }
        text = Self.replace(Self.decimalID, in: text) { groups in "{I\(self.number(ofID: Int64(groups[0]) ?? -1))}" }
        text = Self.replace(Self.milliseconds, in: text) { _ in "{MS}" }
        text = Self.replace(Self.updated, in: text) { _ in "\"updated\":\"{NOW}\"" }
        return Self.replace(Self.icon, in: text) { _ in "{SERVER}/f.php?{ICON}" }
    }

    /// `{I<n>/1e6+k}`: the whole second of item n's id, plus k, for `ot=`/`nt=`.
    public func secondsSymbol(ofID id: Int64, plus offset: Int) -> String {
        "{I\(number(ofID: id))/1e6\(offset < 0 ? "-" : "+")\(abs(offset))}"
    }

    /// Placeholders back to this session's values; throws on one it has not seen.
    public func denormalize(_ text: String) throws -> String {
        var unknown: String?
        var text = text.replacingOccurrences(of: "{SERVER}/", with: serverBase + "/")
            .replacingOccurrences(of: "{FEEDS}/", with: feedsBase + "/")
        text = Self.replace(try! NSRegularExpression(pattern: "tag:google\\.com,2005:reader/item/\\{I([0-9]+)\\}"), in: text) { groups in
            guard let index = Int(groups[1]), index >= 1, index <= self.ids.count else { unknown = groups[0]; return groups[0] }
            return "tag:google.com,2005:reader/item/" + String(format: "%016llx", self.ids[index - 1])
        }
        text = Self.replace(Self.placeholder, in: text) { groups in
            guard let index = Int(groups[2]), index >= 1 else { unknown = groups[0]; return groups[0] }
            if groups[1] == "SHA" {
                guard index <= self.shas.count else { unknown = groups[0]; return groups[0] }
                return self.shas[index - 1]
            }
            guard index <= self.ids.count else { unknown = groups[0]; return groups[0] }
            let id = self.ids[index - 1]
            guard !groups[3].isEmpty else { return String(id) }
            return String(id / 1_000_000 + Int64(Int(groups[4]) ?? 0))
        }
        if let unknown { throw GReaderTranscriptError(description: "no value for \(unknown) yet in this session") }
        return text
    }

    private func number(ofID id: Int64) -> Int {
        if let number = idNumbers[id] { return number }
        ids.append(id)
        idNumbers[id] = ids.count
        return ids.count
    }

    private func number(ofSHA sha: String) -> Int {
        if let number = shaNumbers[sha] { return number }
        shas.append(sha)
        shaNumbers[sha] = shas.count
        return shas.count
    }

    /// Replaces each match of `pattern` with `make(capture groups)`, "" for a group that did not take part.
    private static func replace(_ pattern: NSRegularExpression, in text: String, _ make: ([String]) -> String) -> String {
        let source = text as NSString
        var result = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            result += make(groups)
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }
}

public struct GReaderTranscriptError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}
