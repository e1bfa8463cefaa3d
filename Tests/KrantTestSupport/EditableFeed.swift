import Foundation

/// An RSS feed (`SampleFeed.rss`) whose items a test changes between
/// fetches, served with an ETag that changes with them: an unchanged feed
/// answers a conditional request with 304, a changed one is read whole.
public final class EditableFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(guid: String, title: String)]
    private var version = 1

    public init(_ items: [(guid: String, title: String)]) { self.items = items }

    /// Replaces every item.
    public func set(_ newItems: [(guid: String, title: String)]) {
        lock.withLock {
            items = newItems
            version += 1
        }
    }

    /// Puts a new item first, as a feed does with news.
    public func add(_ guid: String, _ title: String) {
        lock.withLock {
            items.insert((guid, title), at: 0)
            version += 1
        }
    }

    public func respond(_ request: TestRequest) -> TestResponse {
        lock.withLock {
            let etag = "\"v\(version)\""
            if request.header("If-None-Match") == etag { return TestResponse(status: 304, headers: [("ETag", etag)]) }
            return .text(SampleFeed.rss(items: items), headers: [("ETag", etag), ("Content-Type", "application/rss+xml")])
        }
    }
}
