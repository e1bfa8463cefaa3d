import Foundation
import KrantTestSupport
import Testing

/// Records how a real FreshRSS answers every Google Reader call and quirk
/// krant's sync relies on, into the fixture `GReaderReplayTests` holds
/// `GReaderTestServer` to. Opt-in: it needs a FreshRSS tree (AGPL, never in
/// the repository) and rewrites a file in the source tree.
///
///     KRANT_FRESHRSS_DIR=/path/to/FreshRSS-1.24.3 KRANT_RECORD_GREADER=1 \
///         swift test --filter GReaderRecorderTests
@Suite struct GReaderRecorderTests {
    static let enabled = FreshRSSInstance.isAvailable && ProcessInfo.processInfo.environment["KRANT_RECORD_GREADER"] == "1"

    @Test(.enabled(if: enabled, "needs KRANT_FRESHRSS_DIR (an unpacked FreshRSS 1.24.3), php, and KRANT_RECORD_GREADER=1"))
    func recordFreshRSS() throws {
        let feeds = try GReaderTestFeeds()
        defer { feeds.stop() }
        let freshRSS = try #require(try FreshRSSInstance.startIfAvailable(user: "alice", apiPassword: "s3cret-api"))
        defer { freshRSS.stop() }
        let session = RecordingSession(freshRSS: freshRSS, feeds: feeds)
        // What was recorded so far, to look at when the scenario fails half-way.
        defer { try? GReaderTranscriptEntry.encodeLines(session.entries).write(toFile: NSTemporaryDirectory() + "greader-recording.jsonl", atomically: true, encoding: .utf8) }
        try session.run()
        try GReaderTranscriptEntry.encodeLines(session.entries)
            .write(toFile: GReaderTranscriptEntry.fixtureSourcePath, atomically: true, encoding: .utf8)
    }
}

/// The fixed scenario, run against FreshRSS; each call is written down normalised.
private final class RecordingSession {
    enum Auth { case none, bad, current }

    let freshRSS: FreshRSSInstance
    let feeds: GReaderTestFeeds
    let normalizer: GReaderNormalizer
    var entries: [GReaderTranscriptEntry] = []
    var authorization = ""
    var token = ""

    init(freshRSS: FreshRSSInstance, feeds: GReaderTestFeeds) {
        self.freshRSS = freshRSS
        self.feeds = feeds
        normalizer = GReaderNormalizer(serverBase: freshRSS.baseURL, feedsBase: feeds.server.url(""))
    }

    static let reader = "/reader/api/0"
    static let readingList = "user/-/state/com.google/reading-list"
    static let read = "user/-/state/com.google/read"
    static let starred = "user/-/state/com.google/starred"

    func run() throws {
        let r = Self.reader
        let login = try call("ClientLogin", "POST", "/accounts/ClientLogin", form: [("Email", "alice"), ("Passwd", "s3cret-api")], auth: .none)
        authorization = "GoogleLogin auth=" + (try #require(login.text.split(separator: "\n").first { $0.hasPrefix("Auth=") }).dropFirst(5))
        try call("ClientLogin wrong password", "POST", "/accounts/ClientLogin", form: [("Email", "alice"), ("Passwd", "wrong")], auth: .none)
        try call("ClientLogin by GET", "GET", "/accounts/ClientLogin", query: [("Email", "alice"), ("Passwd", "s3cret-api")], auth: .none)
        try call("token without Authorization", "GET", r + "/token", auth: .none)
        try call("token with a bad Authorization", "GET", r + "/token", auth: .bad)
        token = try call("token", "GET", r + "/token").text.trimmingCharacters(in: .whitespacesAndNewlines)
        try call("user-info", "GET", r + "/user-info")
        try call("subscription/list empty", "GET", r + "/subscription/list", query: [("output", "json")])
        try call("subscription/list without output=json", "GET", r + "/subscription/list")

        let dagblad = feeds.url(GReaderTestFeeds.dagblad), tech = feeds.url(GReaderTestFeeds.techWeekly)
        let podcast = feeds.url(GReaderTestFeeds.podcast)
        try call("quickadd", "POST", r + "/subscription/quickadd", form: [("quickadd", dagblad)])
        try call("subscribe with title and new label", "POST", r + "/subscription/edit",
                 form: [("ac", "subscribe"), ("s", "feed/" + tech), ("t", "Tech Weekly (renamed)"), ("a", "user/-/label/Tech")])
        try call("subscribe into a label", "POST", r + "/subscription/edit",
                 form: [("ac", "subscribe"), ("s", "feed/" + podcast), ("a", "user/-/label/Audio")])
        try call("subscribe already subscribed", "POST", r + "/subscription/edit", form: [("ac", "subscribe"), ("s", "feed/" + dagblad)])
        try call("subscription/list", "GET", r + "/subscription/list", query: [("output", "json")])
        try call("tag/list", "GET", r + "/tag/list", query: [("output", "json")])
        try call("tag/list without output=json", "GET", r + "/tag/list")
        try call("unread-count", "GET", r + "/unread-count", query: [("output", "json")])
        try call("unread-count without output=json", "GET", r + "/unread-count")
        try call("rename", "POST", r + "/subscription/edit", form: [("ac", "edit"), ("s", "feed/1"), ("t", "Het Dagblad (hernoemd)")])
        try call("move", "POST", r + "/subscription/edit",
                 form: [("ac", "edit"), ("s", "feed/1"), ("a", "user/-/label/Nieuws"), ("r", "user/-/label/Uncategorized")])
        try call("subscription/list after rename and move", "GET", r + "/subscription/list", query: [("output", "json")])
        try call("tag/list after move", "GET", r + "/tag/list", query: [("output", "json")])

        // Paging: the last full page still has a continuation; the page after it is empty.
        var continuation: String?
        var page = 1
        var newestFirst: [String] = []
        repeat {
            let json = try object(call("reading-list n=3 page \(page)", "GET", r + "/stream/contents/" + Self.readingList,
                                       query: [("n", "3")] + (continuation.map { [("c", $0)] } ?? [])))
            let items = json["items"] as? [[String: Any]] ?? []
            newestFirst += items.compactMap { $0["id"] as? String }
            continuation = json["continuation"] as? String
            page += 1
            if items.isEmpty { break }
        } while continuation != nil && page < 10
        // n=5 over 9 items: the page after c holds 4 (n-1) items and still has a
        // continuation, as the dropped overlap row is counted; items/ids does not count it.
        for (label, path, base) in [("reading-list n=5", "/stream/contents/" + Self.readingList, [("n", "5")]),
                                    ("items/ids n=5", "/stream/items/ids", [("s", Self.readingList), ("n", "5")])] {
            continuation = nil
            page = 1
            repeat {
                let json = try object(call("\(label) page \(page)", "GET", r + path,
                                           query: base + (continuation.map { [("c", $0)] } ?? [])))
                continuation = json["continuation"] as? String
                page += 1
                if (json["items"] as? [Any] ?? json["itemRefs"] as? [Any] ?? []).isEmpty { break }
            } while continuation != nil && page < 10
        }
        try call("reading-list with output=json", "GET", r + "/stream/contents/" + Self.readingList,
                 query: [("output", "json"), ("n", "2")])
        let oldest = try object(call("reading-list r=o n=4", "GET", r + "/stream/contents/" + Self.readingList,
                                     query: [("r", "o"), ("n", "4"), ("output", "json")]))
        try call("reading-list r=o n=4 page 2", "GET", r + "/stream/contents/" + Self.readingList,
                 query: [("r", "o"), ("n", "4"), ("c", try #require(oldest["continuation"] as? String)), ("output", "json")])
        let oldestID = try decimal(#require((oldest["items"] as? [[String: Any]])?.first?["id"] as? String))
        try call("reading-list ot= the oldest item's second", "GET", r + "/stream/contents/" + Self.readingList,
                 query: [("ot", String(oldestID / 1_000_000)), ("output", "json")],
                 symbols: ["ot": normalizer.secondsSymbol(ofID: oldestID, plus: 0)])
        try call("reading-list nt= the oldest item's second", "GET", r + "/stream/contents/" + Self.readingList,
                 query: [("nt", String(oldestID / 1_000_000)), ("output", "json")],
                 symbols: ["nt": normalizer.secondsSymbol(ofID: oldestID, plus: 0)])
        try call("feed stream", "GET", r + "/stream/contents/feed/2", query: [("output", "json")])
        try call("label stream", "GET", r + "/stream/contents/user/-/label/Nieuws", query: [("n", "2"), ("output", "json")])

        continuation = nil
        page = 1
        repeat {
            let json = try object(call("items/ids n=4 page \(page)", "GET", r + "/stream/items/ids",
                                       query: [("s", Self.readingList), ("n", "4"), ("output", "json")] + (continuation.map { [("c", $0)] } ?? [])))
            continuation = json["continuation"] as? String
            page += 1
            if (json["itemRefs"] as? [Any] ?? []).isEmpty { break }
        } while continuation != nil && page < 10

        #expect(newestFirst.count == 9)
        let a = newestFirst[0], b = String(try decimal(newestFirst[1])), c = newestFirst[2], d = String(try decimal(newestFirst[3]))
        try call("edit-tag read, long and decimal ids", "POST", r + "/edit-tag", form: [("T", token), ("i", a), ("i", b), ("a", Self.read)])
        try call("items/ids xt=read", "GET", r + "/stream/items/ids", query: [("s", Self.readingList), ("xt", Self.read), ("output", "json")])
        try call("items/ids it=read", "GET", r + "/stream/items/ids", query: [("s", Self.readingList), ("it", Self.read), ("output", "json")])
        try call("reading-list xt=read", "GET", r + "/stream/contents/" + Self.readingList,
                 query: [("xt", Self.read), ("n", "3"), ("output", "json")])
        try call("edit-tag unread with T=x", "POST", r + "/edit-tag", form: [("T", "x"), ("i", b), ("r", Self.read)])
        try call("edit-tag star with empty T", "POST", r + "/edit-tag", form: [("T", ""), ("i", c), ("i", d), ("a", Self.starred)])
        try call("starred stream", "GET", r + "/stream/contents/" + Self.starred, query: [("output", "json")])
        try call("items/ids s=starred", "GET", r + "/stream/items/ids", query: [("s", Self.starred), ("output", "json")])
        try call("edit-tag with a wrong T", "POST", r + "/edit-tag", form: [("T", "bogus"), ("i", b), ("a", Self.read)])
        try call("edit-tag unstar", "POST", r + "/edit-tag", form: [("T", token), ("i", d), ("r", Self.starred)])
        try call("items/ids s=starred after unstar", "GET", r + "/stream/items/ids", query: [("s", Self.starred), ("output", "json")])
        try call("unread-count after edit-tag", "GET", r + "/unread-count", query: [("output", "json")])

        let techIDs = try object(call("items/ids s=feed/2", "GET", r + "/stream/items/ids", query: [("s", "feed/2"), ("output", "json")]))
        let middle = try #require((techIDs["itemRefs"] as? [[String: Any]])?.dropFirst().first?["id"] as? String)
        try call("mark-all-as-read feed/2 up to ts", "POST", r + "/mark-all-as-read", form: [("T", token), ("s", "feed/2"), ("ts", middle)])
        try call("items/ids s=feed/2 xt=read after mark-all-as-read", "GET", r + "/stream/items/ids",
                 query: [("s", "feed/2"), ("xt", Self.read), ("output", "json")])
        try call("unread-count after mark-all-as-read", "GET", r + "/unread-count", query: [("output", "json")])

        try call("unsubscribe", "POST", r + "/subscription/edit", form: [("ac", "unsubscribe"), ("s", "feed/3")])
        try call("unsubscribe again", "POST", r + "/subscription/edit", form: [("ac", "unsubscribe"), ("s", "feed/3")])
        try call("subscription/list after unsubscribe", "GET", r + "/subscription/list", query: [("output", "json")])
        try call("items/ids after unsubscribe", "GET", r + "/stream/items/ids", query: [("s", Self.readingList), ("output", "json")])

        // New items: in a later second than every item so far, so ot= picks exactly them.
        let newest = try object(call("items/ids newest", "GET", r + "/stream/items/ids",
                                     query: [("s", Self.readingList), ("n", "1"), ("output", "json")]))
        let newestID = try decimal(#require((newest["itemRefs"] as? [[String: Any]])?.first?["id"] as? String))
        let nextSecond = Double(newestID / 1_000_000 + 1)
        // And past the feeds' 1 s TTL and cache, or actualize skips them.
        Thread.sleep(forTimeInterval: max(1.2, nextSecond - Date().timeIntervalSince1970 + 0.05))
        entries.append(GReaderTranscriptEntry(kind: .nextSecond, label: "time passes the newest item's second"))
        feeds.publish(GReaderTestFeeds.laterDagbladItems, to: GReaderTestFeeds.dagblad.path)
        // Actualize now and then skips a feed it fetched moments ago (its
        // TTL and cache work in whole seconds): again until the items are in
        // the server's own database.
        var actualized: [String] = []
        for attempt in 0..<5 {
            if attempt > 0 { Thread.sleep(forTimeInterval: 1.1) }
            actualized.append(try freshRSS.actualize())
            let stored = try freshRSS.sqlite("SELECT COUNT(*) FROM entry WHERE guid IN ('dagblad-6', 'dagblad-7')")
            if stored.first?.first == "2" { break }
        }
        var publish = GReaderTranscriptEntry(kind: .publish, label: "new items arrive in the Dagblad")
        publish.feed = GReaderTestFeeds.dagblad.path
        publish.items = GReaderTestFeeds.laterDagbladItems.map(\.guid)
        entries.append(publish)
        let incremental = try object(call("reading-list ot= after new items", "GET", r + "/stream/contents/" + Self.readingList,
                                          query: [("ot", String(newestID / 1_000_000 + 1)), ("output", "json")],
                                          symbols: ["ot": normalizer.secondsSymbol(ofID: newestID, plus: 1)]))
        try #require((incremental["items"] as? [Any])?.count == 2, "actualize said: \(actualized)")
        try call("unread-count after new items", "GET", r + "/unread-count", query: [("output", "json")])

        // The server's own database agrees with what the API said.
        #expect(try freshRSS.sqlite("SELECT COUNT(*) FROM entry WHERE is_read = 0") == [["8"]])
        #expect(try freshRSS.sqlite("SELECT COUNT(*) FROM entry WHERE is_favorite = 1") == [["1"]])

        try freshRSS.changeAPIPassword("n1euw-wachtwoord")
        var password = GReaderTranscriptEntry(kind: .password, label: "the API password changes")
        password.password = "n1euw-wachtwoord"
        entries.append(password)
        try call("token with the old Authorization", "GET", r + "/token")
        try call("ClientLogin old password", "POST", "/accounts/ClientLogin", form: [("Email", "alice"), ("Passwd", "s3cret-api")], auth: .none)
        let relogin = try call("ClientLogin new password", "POST", "/accounts/ClientLogin",
                               form: [("Email", "alice"), ("Passwd", "n1euw-wachtwoord")], auth: .none)
        authorization = "GoogleLogin auth=" + (try #require(relogin.text.split(separator: "\n").first { $0.hasPrefix("Auth=") }).dropFirst(5))
        try call("token after new login", "GET", r + "/token")
    }

    /// Sends one request to FreshRSS and writes it down; `symbols` gives the
    /// recorded form of a derived value (by parameter name).
    @discardableResult
    func call(_ label: String, _ method: String, _ path: String, query: [(String, String)] = [], form: [(String, String)]? = nil,
              auth: Auth = .current, symbols: [String: String] = [:]) throws -> TestHTTPResponse {
        var entry = GReaderTranscriptEntry(kind: .exchange, label: label)
        entry.method = method
        entry.path = path
        entry.query = query.map { [$0.0, symbols[$0.0] ?? normalizer.normalize($0.1)] }
        entry.form = form?.map { [$0.0, symbols[$0.0] ?? normalizer.normalize($0.1)] }
        let header: String? = switch auth {
        case .none: nil
        case .bad: "GoogleLogin auth=alice/not-a-valid-token"
        case .current: authorization
        }
        entry.auth = header != nil
        entry.authorization = header.map(normalizer.normalize)
        let queryString = query.isEmpty ? "" : "?" + String(decoding: TestHTTPClient.formBody(query), as: UTF8.self)
        var headers: [(String, String)] = header.map { [("Authorization", $0)] } ?? []
        if form != nil { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        let response = try TestHTTPClient.send(method, freshRSS.apiURL + path + queryString, headers: headers,
                                               body: form.map(TestHTTPClient.formBody))
        entry.status = response.status
        entry.contentType = response.header("Content-Type")
        entry.googleBadToken = response.header("Google-Bad-Token")
        entry.body = normalizer.normalize(response.text)
        entries.append(entry)
        return response
    }

    func object(_ response: TestHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any], "\(response.text)")
    }

    /// The decimal id of an id in either form.
    func decimal(_ id: String) throws -> Int64 {
        let prefix = "tag:google.com,2005:reader/item/"
        if id.hasPrefix(prefix) { return try #require(Int64(id.dropFirst(prefix.count), radix: 16)) }
        return try #require(Int64(id))
    }
}
