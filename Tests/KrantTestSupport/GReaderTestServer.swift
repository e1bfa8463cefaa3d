import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stateful fake Google Reader API server, in the test process, that
/// answers as FreshRSS 1.24.3 does: the same paths under
/// `/api/greader.php`, status codes, bodies, content types, JSON shapes, id
/// forms, paging and quirks. `GReaderReplayTests` holds it to a recording of
/// the real server (`Fixtures/greader-freshrss-1.24.3.jsonl`).
///
/// Feeds are not fetched over HTTP: quickadd and subscribe take a feed's
/// title and items from the feeds `register(feed:)` made known, at once, as
/// FreshRSS fetches synchronously. Tests change the server's side directly
/// (`subscribe`, `publish`, `setRead`, ...) as another device or a refresh
/// would, and break it on purpose with `mode` and `truncateNextStreamContents()`.
public final class GReaderTestServer: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        case normal
        /// Every connection is closed without an answer.
        case refuseConnections
        /// Every request is answered with this status and a short text body.
        case status(Int)
    }

    /// A request as the server received it; `path` is relative to the API base.
    public struct RecordedRequest: Sendable {
        public var method: String
        public var path: String
        public var query: [(name: String, value: String)]
        public var form: [(name: String, value: String)]
        public var authorization: String?
    }

    public struct Item: Sendable, Equatable {
        /// The decimal id (microseconds at insert time).
        public var id: Int64
        public var title: String
        public var feedStreamID: String
        public var isRead: Bool
        public var isStarred: Bool
    }

    public struct Subscription: Sendable, Equatable {
        public var streamID: String
        public var url: String
        public var title: String
        /// nil in the default category.
        public var folder: String?
    }

    public static let basePath = "/api/greader.php"
    /// Where `register(feed:)` puts a feed that has no URL of its own.
    public static let defaultFeedsBase = "http://feeds.krant.test"

    public let user: String
    private var password: String
    private let server: FetchTestServer
    private let lock = NSLock()
    private var state = GReaderServerState()
    private var recorded: [RecordedRequest] = []
    private var currentMode = Mode.normal
    private var truncateNextContents = false
    private let salt: String

    public init(user: String = "alice", password: String = "s3cret-api") throws {
        self.user = user
        self.password = password
        salt = UUID().uuidString
        let box = WeakBox()
        server = try FetchTestServer(routes: [:]) { request in
            box.server?.respond(to: request) ?? .text("gone", status: 503)
        }
        box.server = self
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { server.url("") }
    /// `http://127.0.0.1:PORT/api/greader.php`
    public var apiURL: String { server.url(Self.basePath) }

    public func stop() { server.stop() }

    public var mode: Mode {
        get { lock.withLock { currentMode } }
        set { lock.withLock { currentMode = newValue } }
    }

    /// The next stream/contents (or items/contents) answer is cut off half-way through its JSON.
    public func truncateNextStreamContents() { lock.withLock { truncateNextContents = true } }

    /// Every request so far, in order.
    public var requests: [RecordedRequest] { lock.withLock { recorded } }

    /// A new API password: tokens made from the old one get 401.
    public func changePassword(_ newPassword: String) { lock.withLock { password = newPassword } }

    /// Lets the server's clock (item ids, `updated`) run ahead, so `ot=` can
    /// separate items without a test waiting for the wall clock.
    public func advanceClock(seconds: Int) { lock.withLock { state.clockOffset += Int64(seconds) * 1_000_000 } }

    /// Makes `feed` known at `url` (by default `defaultFeedsBase` + its path),
    /// for quickadd and subscribe; returns the URL.
    @discardableResult
    public func register(feed: GReaderTestFeed, url: String? = nil) -> String {
        let url = url ?? Self.defaultFeedsBase + feed.path
        lock.withLock { state.knownFeeds[url] = feed }
        return url
    }

    /// Subscribes on the server's side, as another device would; returns the
    /// stream id "feed/N" (the existing one when already subscribed). A URL
    /// never registered gets a feed without items.
    @discardableResult
    public func subscribe(url: String, title: String? = nil, folder: String? = nil) -> String {
        lock.withLock {
            if let existing = state.feed(url: url) { return "feed/\(existing.id)" }
            let feed = state.addFeed(url: url, title: title, categoryName: folder)
                ?? state.addFeed(url: url, title: title, siteURL: url, feedTitle: url, categoryName: folder, items: [])
            return "feed/\(feed.id)"
        }
    }

    public func unsubscribe(streamID: String) {
        lock.withLock { if let id = Self.feedID(streamID) { _ = state.removeFeed(id: id) } }
    }

    public func rename(streamID: String, title: String) {
        lock.withLock { if let id = Self.feedID(streamID) { state.rename(feedID: id, title: title) } }
    }

    /// Moves a subscription to `folder`, or to the default category when nil.
    public func move(streamID: String, folder: String?) {
        lock.withLock { if let id = Self.feedID(streamID) { state.move(feedID: id, toCategory: folder) } }
    }

    /// New items (newest first) arrive in the subscribed feed at `feedURL`, as
    /// a refresh would store them: consecutive ids, newer than every item so far.
    public func publish(feedURL: String, items: [GReaderTestItem]) {
        lock.withLock {
            guard let feed = state.feed(url: feedURL) else { return }
            state.insert(items, into: feed.id)
            if var known = state.knownFeeds[feedURL] {
                known.items.insert(contentsOf: items, at: 0)
                state.knownFeeds[feedURL] = known
            }
        }
    }

    /// Adds `count` generated items to the feed at `feedURL` (subscribing to
    /// it first if needed), for tests of many items; returns its stream id.
    @discardableResult
    public func seed(feedURL: String, count: Int) -> String {
        let streamID = subscribe(url: feedURL, title: "Seeded feed")
        lock.withLock {
            guard let id = Self.feedID(streamID) else { return }
            let start = state.items.lazy.filter { $0.feedID == id }.count
            let epoch = GReaderTestFeeds.epoch
            let generated = (start..<(start + count)).reversed().map { number in
                GReaderTestItem(guid: "seed-\(id)-\(number)", title: "Seeded item \(number)",
                                link: "https://seed.example/\(id)/\(number)", published: epoch - 86_400 + number,
                                html: "<p>Seeded item \(number).</p>")
            }
            state.insert(generated, into: id)
        }
        return streamID
    }

    public func setRead(itemID: Int64, _ read: Bool) { lock.withLock { state.setRead([itemID], read) } }
    public func setStarred(itemID: Int64, _ starred: Bool) { lock.withLock { state.setStarred([itemID], starred) } }

    /// Every item, oldest first.
    public var items: [Item] {
        lock.withLock {
            state.items.map {
                Item(id: $0.id, title: $0.source.title, feedStreamID: "feed/\($0.feedID)", isRead: $0.isRead, isStarred: $0.isStarred)
            }
        }
    }

    /// Every subscription, in the order of subscribing.
    public var subscriptions: [Subscription] {
        lock.withLock {
            state.feeds.map { feed in
                Subscription(streamID: "feed/\(feed.id)", url: feed.url, title: feed.title,
                             folder: feed.categoryID == 1 ? nil : state.category(id: feed.categoryID)?.name)
            }
        }
    }

    /// "feed/12" -> 12
    static func feedID(_ streamID: String) -> Int? {
        streamID.hasPrefix("feed/") ? Int(streamID.dropFirst(5)) : nil
    }

    // MARK: Answering

    private func respond(to request: TestRequest) -> TestResponse {
        let (rawPath, rawQuery) = Self.split(request.path)
        guard rawPath == Self.basePath || rawPath.hasPrefix(Self.basePath + "/") else { return .text("not here", status: 404) }
        let relative = String(rawPath.dropFirst(Self.basePath.count))
        let query = TestHTTPClient.formPairs(rawQuery)
        let form = TestHTTPClient.formPairs(String(decoding: request.body, as: UTF8.self))
        return lock.withLock {
            recorded.append(RecordedRequest(method: request.method, path: relative, query: query.map { ($0.0, $0.1) },
                                            form: form.map { ($0.0, $0.1) }, authorization: request.header("Authorization")))
            switch currentMode {
            case .refuseConnections:
                return TestResponse(status: 200, prelude: { connection in shutdown(connection.socket, Int32(SHUT_RDWR)) })
            case .status(let status):
                return .text("Status \(status)!", status: status, headers: [("Content-Type", "text/plain; charset=UTF-8")])
            case .normal:
                var handler = GReaderRequestHandler(user: user, token: tokenHash, baseURL: baseURL, salt: salt,
                                                   relativePath: relative, query: GReaderParameters(pairs: query),
                                                   form: GReaderParameters(pairs: form), password: password,
                                                   authorization: request.header("Authorization"))
                var response = handler.answer(&state)
                if handler.isStreamContents && truncateNextContents && response.status == 200 {
                    truncateNextContents = false
                    response.body = response.body.prefix(response.body.count / 2)
                }
                return response
            }
        }
    }

    /// The 40 hex digits FreshRSS derives from salt, user and API password
    /// (a sha1 there; any stable hash will do for a fake).
    private var tokenHash: String {
        let seed = salt + user + password
        return (0..<5).map { round in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(round)
            for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let hex = String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    private static func split(_ target: String) -> (String, String) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// Lets the route reach the server without keeping it alive.
    private final class WeakBox: @unchecked Sendable {
        weak var server: GReaderTestServer?
    }
}
