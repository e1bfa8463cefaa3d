import Foundation
import KrantTestSupport

/// A Google Reader API server the sync scenarios run against: the fake in
/// the test process (always) or a real FreshRSS (when there is one). Each
/// change here is made on the server's side, as another device would.
protocol SyncServerUnderTest: AnyObject {
    var apiURL: String { get }
    var user: String { get }
    var password: String { get }
    /// Where the server finds a test feed.
    func url(of feed: GReaderTestFeed) -> String
    func subscribe(_ feed: GReaderTestFeed, folder: String?) throws
    func unsubscribe(_ feed: GReaderTestFeed) throws
    /// The subscriptions: feed URL → (title, folder; nil for none or the default).
    func subscriptions() throws -> [String: (title: String, folder: String?)]
    /// An item's state by its title; nil when the server has no such item.
    func state(ofItemTitled title: String) throws -> (read: Bool, starred: Bool)?
    func mark(itemTitled title: String, read: Bool?, starred: Bool?) throws
    /// New items arrive in the feed and the server picks them up.
    func publish(_ items: [GReaderTestItem], to feed: GReaderTestFeed) throws
    func goOffline() throws
    func comeBack() throws
    func changePassword(_ password: String) throws
}

/// The fake: `GReaderTestServer`, with the test feeds registered.
final class FakeSyncServer: SyncServerUnderTest {
    let server: GReaderTestServer
    private var urls: [String: String] = [:]

    init() throws {
        server = try GReaderTestServer()
        for feed in GReaderTestFeeds.all { urls[feed.path] = server.register(feed: feed) }
    }

    deinit { server.stop() }

    var apiURL: String { server.apiURL }
    var user: String { server.user }
    var password = "s3cret-api"

    func url(of feed: GReaderTestFeed) -> String { urls[feed.path]! }

    func subscribe(_ feed: GReaderTestFeed, folder: String?) throws {
        server.subscribe(url: url(of: feed), folder: folder)
    }

    func unsubscribe(_ feed: GReaderTestFeed) throws {
        guard let stream = server.subscriptions.first(where: { $0.url == url(of: feed) })?.streamID else {
            throw Missing(url(of: feed))
        }
        server.unsubscribe(streamID: stream)
    }

    func subscriptions() throws -> [String: (title: String, folder: String?)] {
        Dictionary(uniqueKeysWithValues: server.subscriptions.map { ($0.url, ($0.title, $0.folder)) })
    }

    func state(ofItemTitled title: String) throws -> (read: Bool, starred: Bool)? {
        server.items.first { $0.title == title }.map { ($0.isRead, $0.isStarred) }
    }

    func mark(itemTitled title: String, read: Bool?, starred: Bool?) throws {
        guard let item = server.items.first(where: { $0.title == title }) else { throw Missing(title) }
        if let read { server.setRead(itemID: item.id, read) }
        if let starred { server.setStarred(itemID: item.id, starred) }
    }

    func publish(_ items: [GReaderTestItem], to feed: GReaderTestFeed) throws {
        server.publish(feedURL: url(of: feed), items: items)
    }

    func goOffline() throws { server.mode = .refuseConnections }
    func comeBack() throws { server.mode = .normal }

    func changePassword(_ password: String) throws {
        server.changePassword(password)
        self.password = password
    }
}

/// A real FreshRSS, with the test feeds served from this process. Changes
/// go through its API with a sign-in of their own; states are read from
/// its database, not through the API krant uses.
final class LiveSyncServer: SyncServerUnderTest {
    let freshRSS: FreshRSSInstance
    let feeds: GReaderTestFeeds

    init(_ freshRSS: FreshRSSInstance) throws {
        self.freshRSS = freshRSS
        feeds = try GReaderTestFeeds()
    }

    deinit {
        feeds.stop()
        freshRSS.stop()
    }

    var apiURL: String { freshRSS.apiURL }
    var user: String { freshRSS.user }
    var password: String { freshRSS.apiPassword }

    func url(of feed: GReaderTestFeed) -> String { feeds.url(feed) }

    func subscribe(_ feed: GReaderTestFeed, folder: String?) throws {
        var form = [("ac", "subscribe"), ("s", "feed/" + url(of: feed))]
        if let folder { form.append(("a", "user/-/label/" + folder)) }
        try expectOK(try api("POST", "reader/api/0/subscription/edit", form: form))
    }

    func unsubscribe(_ feed: GReaderTestFeed) throws {
        let rows = try freshRSS.sqlite("SELECT id FROM feed WHERE url = '\(url(of: feed))'")
        guard let id = rows.first?.first else { throw Missing(url(of: feed)) }
        try expectOK(try api("POST", "reader/api/0/subscription/edit", form: [("ac", "unsubscribe"), ("s", "feed/" + id)]))
    }

    func subscriptions() throws -> [String: (title: String, folder: String?)] {
        let rows = try freshRSS.sqlite("SELECT feed.url, feed.name, category.id, category.name FROM feed JOIN category ON category.id = feed.category")
        // Category 1 is FreshRSS's default ("Uncategorized"): no folder.
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], ($0[1], $0[2] == "1" ? nil : $0[3])) })
    }

    func state(ofItemTitled title: String) throws -> (read: Bool, starred: Bool)? {
        try freshRSS.sqlite("SELECT is_read, is_favorite FROM entry WHERE title = '\(title.replacingOccurrences(of: "'", with: "''"))'")
            .first.map { ($0[0] == "1", $0[1] == "1") }
    }

    func mark(itemTitled title: String, read: Bool?, starred: Bool?) throws {
        let rows = try freshRSS.sqlite("SELECT id FROM entry WHERE title = '\(title.replacingOccurrences(of: "'", with: "''"))'")
        guard let id = rows.first?.first else { throw Missing(title) }
        let token = try api("GET", "reader/api/0/token").text.trimmingCharacters(in: .whitespacesAndNewlines)
        for (flag, value) in [("read", read), ("starred", starred)] {
            guard let value else { continue }
            try expectOK(try api("POST", "reader/api/0/edit-tag",
                                 form: [("T", token), ("i", id), (value ? "a" : "r", "user/-/state/com.google/" + flag)]))
        }
    }

    func publish(_ items: [GReaderTestItem], to feed: GReaderTestFeed) throws {
        feeds.publish(items, to: feed.path)
        // FreshRSS now and then skips a feed it fetched a moment ago.
        for _ in 0..<5 {
            sleep(1)
            try freshRSS.actualize()
            let titles = items.map { "'" + $0.title.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
            if try freshRSS.sqlite("SELECT count(*) FROM entry WHERE title IN (\(titles))").first?.first == String(items.count) {
                return
            }
        }
        throw Missing("the published items in FreshRSS")
    }

    func goOffline() throws { freshRSS.suspend() }
    func comeBack() throws { try freshRSS.resume() }
    func changePassword(_ password: String) throws { try freshRSS.changeAPIPassword(password) }

    /// One API request, signed in afresh (the password may have changed).
    private func api(_ method: String, _ path: String, form: [(String, String)]? = nil) throws -> TestHTTPResponse {
        let login = try TestHTTPClient.send("POST", apiURL + "/accounts/ClientLogin",
                                            headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                            body: TestHTTPClient.formBody([("Email", user), ("Passwd", password)]))
        guard let auth = login.text.split(separator: "\n").first(where: { $0.hasPrefix("Auth=") })?.dropFirst(5) else {
            throw Missing("a FreshRSS sign-in: \(login.status) \(login.text)")
        }
        var headers = [("Authorization", "GoogleLogin auth=\(auth)")]
        if form != nil { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        return try TestHTTPClient.send(method, apiURL + "/" + path, headers: headers,
                                       body: form.map { TestHTTPClient.formBody($0) })
    }

    private func expectOK(_ response: TestHTTPResponse) throws {
        guard response.status == 200 else { throw Missing("OK from FreshRSS: \(response.status) \(response.text)") }
    }
}

struct Missing: Error, CustomStringConvertible {
    let what: String
    init(_ what: String) { self.what = what }
    var description: String { "not found: \(what)" }
}
