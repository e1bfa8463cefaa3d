import Dispatch
import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// Brings feeds into the store: feed files given to `krant import`, and
/// subscriptions fetched over HTTP. Parsing and HTML conversion run on every
/// core; each feed's items are stored in one transaction, so a killed import
/// or fetch leaves every feed as it was before or after, never half-done.
public struct FeedSync: Sendable {
    public let store: ArticleStore
    public var fetcher = FeedFetcher()
    /// Feeds fetched at the same time: polite to servers, enough to hide latency.
    public var concurrency = 4

    public init(store: ArticleStore) {
        self.store = store
    }

    /// File extensions read as feeds by `krant import`.
    public static let feedFileExtensions: Set<String> = ["xml", "rss", "atom", "json"]

    public static func isFeedFile(_ path: String) -> Bool {
        feedFileExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    // MARK: - Files

    /// Imports feed files: each becomes a subscription to its `file://` URL
    /// (so `krant fetch` re-reads it) and its items become articles. Two
    /// files are worked on at once, so one is parsed while the other is stored.
    /// `indexing` says when the items enter the search index.
    public func importFiles(_ paths: [String], indexing: SearchIndexing = .now) -> [FeedSyncResult] {
        // One file is parsed and converted (on every core) while the one
        // before it is written: SQLite has one writer, and running two
        // files side by side kept them in step, both converting and then
        // both waiting to write, with a core idle half the time.
        let writer = WritePipeline<FeedSyncResult>(count: paths.count)
        for (index, path) in paths.enumerated() {
            switch prepareFile(path) {
            case .failure(let failure):
                writer.set(index, failure.result)
            case .success(let prepared):
                writer.write(index) { self.write(prepared, indexing: indexing) }
            }
        }
        return writer.finish()
    }

    /// Reads, parses and converts a feed file: everything but the write.
    private func prepareFile(_ path: String) -> Result<PreparedFeed, FeedSyncFailure> {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        // A file's size and modification time are its validator, as an ETag
        // is a server's: a feed file imported before and unchanged since is
        // not read or parsed again, the way a 304 costs no parsing.
        let validator = Self.validator(ofFile: url.path)
        let known = try? store.feed(matching: url.absoluteString)
        if let known, let validator, known.etag == validator {
            return .failure(FeedSyncFailure(FeedSyncResult(source: path, feed: known, outcome: .notModified)))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(FeedSyncFailure(FeedSyncResult(source: path, feed: nil, outcome: .failed("cannot be read"))))
        }
        do {
            let parsed = try FeedParser.parse(data)
            let feed = try known ?? subscription(for: url.absoluteString, title: parsed.title, category: nil)
            return .success(prepare(parsed, for: feed, etag: validator, lastModified: nil, newURL: nil))
        } catch let error as FeedParseError {
            return .failure(FeedSyncFailure(FeedSyncResult(source: path, feed: nil, outcome: .failed(error.description))))
        } catch {
            return .failure(FeedSyncFailure(FeedSyncResult(source: path, feed: nil, outcome: .failed("store error: \(error)"))))
        }
    }

    /// "size-mtime" of a file, in nanoseconds, or nil when it cannot be read.
    static func validator(ofFile path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "file:\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    // MARK: - Subscriptions

    /// Fetches `url` once to check that it is a feed and to learn its title,
    /// then subscribes and stores its items.
    public func subscribe(url: String, category: String?) async -> FeedSyncResult {
        if let existing = try? store.feed(matching: url) {
            return FeedSyncResult(source: url, feed: existing, outcome: .failed("already subscribed"))
        }
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .notModified:
            return FeedSyncResult(source: url, feed: nil, outcome: .failed("the server sent no feed (304)"))
        case .failed(let failure):
            return FeedSyncResult(source: url, feed: nil, outcome: .failed(failure.description))
        case .fetched(let fetched):
            do {
                let parsed = try FeedParser.parse(fetched.body)
                let feed = try store.addFeed(url: fetched.permanentRedirect ?? url, title: parsed.title,
                                             category: category)
                return try storeItems(of: parsed, for: feed, etag: fetched.etag,
                                      lastModified: fetched.lastModified, newURL: nil)
            } catch let error as FeedParseError {
                return FeedSyncResult(source: url, feed: nil, outcome: .failed(error.description))
            } catch {
                return FeedSyncResult(source: url, feed: nil, outcome: .failed("\(error)"))
            }
        }
    }

    /// Fetches the feeds (all at most `concurrency` at a time, with
    /// conditional GET) and stores what changed. `file://` feeds are read
    /// from disk. `progress(done, total)` is called as feeds finish.
    public func refresh(_ feeds: [FeedSubscription],
                        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> [FeedSyncResult] {
        let remote = feeds.filter { !$0.url.hasPrefix("file://") }
        let local = feeds.filter { $0.url.hasPrefix("file://") }
        let counter = ProgressCounter(total: feeds.count, report: progress)
        let outcomes = await fetcher.fetchAll(
            remote.map { FetchRequest(url: $0.url, etag: $0.etag, lastModified: $0.lastModified) },
            concurrency: concurrency) { _, _ in counter.advance() }
        var results: [FeedSyncResult] = []
        for (feed, outcome) in zip(remote, outcomes) {
            results.append(record(outcome, for: feed))
        }
        for feed in local {
            results.append(refreshFile(feed))
            counter.advance()
        }
        return results
    }

    private func record(_ outcome: FetchOutcome, for feed: FeedSubscription) -> FeedSyncResult {
        switch outcome {
        case .notModified(let permanentRedirect):
            try? store.recordFetch(feedID: feed.id, status: "not modified", newURL: permanentRedirect)
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .notModified)
        case .failed(let failure):
            try? store.recordFetch(feedID: feed.id, status: failure.description)
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed(failure.description))
        case .fetched(let fetched):
            do {
                let parsed = try FeedParser.parse(fetched.body)
                return try storeItems(of: parsed, for: feed, etag: fetched.etag, lastModified: fetched.lastModified,
                                      newURL: fetched.permanentRedirect)
            } catch let error as FeedParseError {
                let reason = error.description
                try? store.recordFetch(feedID: feed.id, status: reason)
                return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed(reason))
            } catch {
                return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed("store error: \(error)"))
            }
        }
    }

    private func refreshFile(_ feed: FeedSubscription) -> FeedSyncResult {
        // Taken before the read: a file changed while it is read must not be
        // remembered as the version that was read.
        let url = URL(string: feed.url)
        let validator = url.flatMap { Self.validator(ofFile: $0.path) }
        if let validator, validator == feed.etag {
            try? store.recordFetch(feedID: feed.id, status: "not modified")
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .notModified)
        }
        guard let url, let data = try? Data(contentsOf: url) else {
            try? store.recordFetch(feedID: feed.id, status: "file cannot be read")
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed("file cannot be read"))
        }
        do {
            return try storeItems(of: try FeedParser.parse(data), for: feed, etag: validator,
                                  lastModified: nil, newURL: nil)
        } catch {
            try? store.recordFetch(feedID: feed.id, status: "\(error)")
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed("\(error)"))
        }
    }

    // MARK: - Storing

    private func subscription(for url: String, title: String?, category: String?) throws -> FeedSubscription {
        if let existing = try store.feed(matching: url) { return existing }
        do {
            return try store.addFeed(url: url, title: title, category: category)
        } catch StoreError.alreadySubscribed {
            // Another import of the same file won the race.
            guard let existing = try store.feed(matching: url) else { throw StoreError.noSuchFeed(url) }
            return existing
        }
    }

    /// Items to articles (on every core), then one transaction for the feed.
    private func storeItems(of parsed: ParsedFeed, for feed: FeedSubscription, etag: String?, lastModified: String?,
                            newURL: String?) throws -> FeedSyncResult {
        write(prepare(parsed, for: feed, etag: etag, lastModified: lastModified, newURL: newURL))
    }

    private func prepare(_ parsed: ParsedFeed, for feed: FeedSubscription, etag: String?, lastModified: String?,
                         newURL: String?) -> PreparedFeed {
        let feedURL = feed.url
        let title = feed.title ?? parsed.title
        let category = feed.category
        let articles = parsed.items.concurrentMap { item in
            item.storableArticle(feedURL: feedURL, feedTitle: title, category: category)
        }
        return PreparedFeed(feed: feed, articles: articles, title: parsed.title, siteURL: parsed.siteURL,
                            etag: etag, lastModified: lastModified, newURL: newURL)
    }

    /// One transaction for the feed's items, then its fetch record.
    private func write(_ prepared: PreparedFeed, indexing: SearchIndexing = .now) -> FeedSyncResult {
        let feed = prepared.feed
        do {
            let report = try store.upsertFeedArticles(prepared.articles, feedID: feed.id, indexing: indexing)
            let status = report.inserted.isEmpty && report.updated == 0
                ? "ok, nothing new" : "ok, \(report.inserted.count) new, \(report.updated) updated"
            try store.recordFetch(feedID: feed.id, status: status, etag: prepared.etag,
                                  lastModified: prepared.lastModified, newURL: prepared.newURL,
                                  title: prepared.title, siteURL: prepared.siteURL)
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .stored(report))
        } catch {
            return FeedSyncResult(source: feed.url, feed: feed, outcome: .failed("store error: \(error)"))
        }
    }
}

/// A feed's items as articles, ready to be written.
private struct PreparedFeed: Sendable {
    var feed: FeedSubscription
    var articles: [Article]
    var title: String?
    var siteURL: String?
    var etag: String?
    var lastModified: String?
    var newURL: String?
}

/// A file that failed before its write, with the result that says why.
private struct FeedSyncFailure: Error {
    var result: FeedSyncResult
    init(_ result: FeedSyncResult) { self.result = result }
}

/// Counts finished feeds across concurrent fetches and reports each step.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    func advance() {
        let now = lock.withLock { () -> Int in
            done += 1
            return done
        }
        report(now, total)
    }
}
