import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// Feeds: files given to an import, subscriptions fetched over HTTP, and
/// `file://` subscriptions read again. Each goes read → parse → convert (on
/// every core) → one transaction in the writer, which also records the fetch.
extension Ingestion {
    /// Feed files: each becomes a subscription to its `file://` URL (created
    /// in the write, with its items) unless it is one already. One file is
    /// parsed while the one before it is written.
    func importFeedFiles(_ paths: [InputPath]) -> [FeedSyncResult] {
        let writer = StoreWriter<FeedSyncResult>(count: paths.count)
        for (index, path) in paths.enumerated() {
            let url = FeedFileURL.url(for: path)
            let step: FeedStep
            do {
                step = readFeedFile(at: url, known: try store.feed(matching: url), source: path.description)
            } catch {
                step = .failed(source: path.description, feed: nil, reason: StoreError.reason(for: error))
            }
            writer.write(index) { self.write(step) }
        }
        return writer.finish()
    }

    /// Fetches `url` once to check that it is a feed and to learn its title,
    /// then subscribes and stores its items.
    public func subscribe(url: String, category: String?) async -> FeedSyncResult {
        do {
            if let existing = try store.feed(matching: url) {
                return FeedSyncResult(source: url, feed: existing, outcome: .failed("already subscribed"))
            }
        } catch {
            return FeedSyncResult(source: url, feed: nil, outcome: .failed(StoreError.reason(for: error)))
        }
        let step: FeedStep
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .notModified:
            step = .failed(source: url, feed: nil, reason: "the server sent no feed (304)")
        case .failed(let failure):
            step = .failed(source: url, feed: nil, reason: failure.description)
        case .fetched(let fetched):
            step = parse(fetched.body, source: url, feedURL: fetched.permanentRedirect ?? url, known: nil,
                         category: category, validators: (fetched.etag, fetched.lastModified), newURL: nil)
        }
        // A new subscription: a URL subscribed meanwhile (or the one a
        // redirect led to) is said, never quietly merged into.
        if case .prepared(var prepared) = step {
            prepared.mustBeNew = true
            return write(.prepared(prepared))
        }
        return write(step)
    }

    /// Fetches the feeds (at most `concurrency` at a time, with conditional
    /// GET) and stores what changed. `file://` feeds are read from disk.
    /// `progress(done, total)` is called as feeds finish.
    public func refresh(_ feeds: [FeedSubscription],
                        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> [FeedSyncResult] {
        let remote = feeds.filter { !$0.url.hasPrefix("file://") }
        let local = feeds.filter { $0.url.hasPrefix("file://") }
        let counter = ProgressCounter(total: feeds.count, report: progress)
        let outcomes = await fetcher.fetchAll(
            remote.map { FetchRequest(url: $0.url, etag: $0.etag, lastModified: $0.lastModified) },
            concurrency: concurrency) { _, _ in counter.advance() }
        let writer = StoreWriter<FeedSyncResult>(count: feeds.count)
        for (index, (feed, outcome)) in zip(remote, outcomes).enumerated() {
            let step = fetched(outcome, for: feed)
            writer.write(index) { self.write(step) }
        }
        for (offset, feed) in local.enumerated() {
            let step = readFeedFile(at: feed.url, known: feed, source: feed.url)
            writer.write(remote.count + offset) {
                let result = self.write(step)
                counter.advance()
                return result
            }
        }
        return writer.finish()
    }

    // MARK: - Read and parse

    private func fetched(_ outcome: FetchOutcome, for feed: FeedSubscription) -> FeedStep {
        switch outcome {
        case .notModified(let permanentRedirect):
            return .notModified(source: feed.url, feed: feed, newURL: permanentRedirect)
        case .failed(let failure):
            return .failed(source: feed.url, feed: feed, reason: failure.description)
        case .fetched(let fetched):
            return parse(fetched.body, source: feed.url, feedURL: feed.url, known: feed, category: feed.category,
                         validators: (fetched.etag, fetched.lastModified), newURL: fetched.permanentRedirect)
        }
    }

    /// Reads a feed file. Its size and modification time are its validator,
    /// as an ETag is a server's: a file read before and unchanged since is
    /// not read or parsed again, the way a 304 costs no parsing. The
    /// validator is taken before the read, so a file changed while it is
    /// read is not remembered as the version that was read.
    private func readFeedFile(at url: String, known: FeedSubscription?, source: String) -> FeedStep {
        func failed(_ failure: InputFiles.Failure) -> FeedStep {
            switch failure {
            case .unreadable(let reason):
                .failed(source: source, feed: known, reason: "cannot be read (\(reason))")
            case .tooLarge(_, let limit):
                .failed(source: source, feed: known, reason: FeedParseError.tooLarge(limit: limit).description)
            }
        }
        let path = FeedFileURL.path(of: url) ?? InputPath(url)
        let status: stat
        switch InputFiles.status(of: path) {
        case .failure(let failure): return failed(failure)
        case .success(let found): status = found
        }
        let validator = InputFiles.validator(status)
        if let known, known.etag == validator { return .notModified(source: source, feed: known, newURL: nil) }
        switch InputFiles.read(path, found: status, limit: FeedParser.defaultSizeLimit) {
        case .failure(let failure): return failed(failure)
        case .success(let contents):
            return parse(contents.bytes, source: source, feedURL: url, known: known, category: known?.category,
                         validators: (validator, nil), newURL: nil)
        }
    }

    /// Sniffs and parses a feed document and turns its items into articles
    /// on every core, bodies left as HTML for the store (`storableArticle`).
    private func parse(_ data: Data, source: String, feedURL: String, known: FeedSubscription?, category: String?,
                       validators: (etag: String?, lastModified: String?), newURL: String?) -> FeedStep {
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(data)
        } catch {
            return .failed(source: source, feed: known, reason: error.description)
        }
        let title = known?.title ?? parsed.title
        let articles = parsed.items.concurrentMap { item in
            item.storableArticle(feedURL: feedURL, feedTitle: title, category: category)
        }
        return .prepared(PreparedFeed(source: source, url: feedURL, feed: known, category: category,
                                      articles: articles, parsedTitle: parsed.title, siteURL: parsed.siteURL,
                                      etag: validators.etag, lastModified: validators.lastModified, newURL: newURL))
    }

    // MARK: - Store

    /// The write step, on the writer: the subscription (for a new feed
    /// file), its items in one transaction, then the fetch's record.
    private func write(_ step: FeedStep) -> FeedSyncResult {
        switch step {
        case .notModified(let source, let feed, let newURL):
            do {
                try store.recordFetch(feedID: feed.id, status: "not modified", newURL: newURL)
            } catch {
                return FeedSyncResult(source: source, feed: feed, outcome: .failed(StoreError.reason(for: error)))
            }
            return FeedSyncResult(source: source, feed: feed, outcome: .notModified)
        case .failed(let source, let feed, let reason):
            if let feed {
                do {
                    try store.recordFetch(feedID: feed.id, status: reason)
                } catch {
                    return FeedSyncResult(source: source, feed: feed,
                                          outcome: .failed("\(reason); \(StoreError.reason(for: error))"))
                }
            }
            return FeedSyncResult(source: source, feed: feed, outcome: .failed(reason))
        case .prepared(let prepared):
            do {
                let feed = try prepared.feed
                    ?? (prepared.mustBeNew ? store.addFeed(url: prepared.url, title: prepared.parsedTitle,
                                                           category: prepared.category)
                                           : subscription(for: prepared))
                let report = try store.upsertFeedArticles(prepared.articles, feedID: feed.id, indexing: indexing)
                let status = report.inserted.isEmpty && report.updated == 0
                    ? "ok, nothing new" : "ok, \(report.inserted.count) new, \(report.updated) updated"
                try store.recordFetch(feedID: feed.id, status: status, etag: prepared.etag,
                                      lastModified: prepared.lastModified, newURL: prepared.newURL,
                                      title: prepared.parsedTitle, siteURL: prepared.siteURL)
                return FeedSyncResult(source: prepared.source, feed: feed, outcome: .stored(report))
            } catch {
                return FeedSyncResult(source: prepared.source, feed: prepared.feed, outcome: .failed(StoreError.reason(for: error)))
            }
        }
    }

    /// The subscription of a feed file imported for the first time.
    private func subscription(for prepared: PreparedFeed) throws -> FeedSubscription {
        if let existing = try store.feed(matching: prepared.url) { return existing }
        do {
            return try store.addFeed(url: prepared.url, title: prepared.parsedTitle, category: prepared.category)
        } catch StoreError.alreadySubscribed {
            // Another krant imported the same file meanwhile.
            guard let existing = try store.feed(matching: prepared.url) else { throw StoreError.noSuchFeed(prepared.url) }
            return existing
        }
    }
}

/// Where a feed stands after the read and parse steps: ready to be written,
/// or a result that only needs recording.
enum FeedStep: Sendable {
    case prepared(PreparedFeed)
    case notModified(source: String, feed: FeedSubscription, newURL: String?)
    case failed(source: String, feed: FeedSubscription?, reason: String)
}

/// A feed's items as articles, ready to be written.
struct PreparedFeed: Sendable {
    /// What the user named: a path, or the feed's URL.
    var source: String
    var url: String
    /// Nil for a feed not subscribed yet (a file imported for the first
    /// time, a URL being subscribed to): subscribed in the write.
    var feed: FeedSubscription?
    /// A URL the user subscribes to: one already subscribed fails the
    /// write (a feed file imported again is just read again).
    var mustBeNew = false
    var category: String?
    var articles: [Article]
    var parsedTitle: String?
    var siteURL: String?
    var etag: String?
    var lastModified: String?
    var newURL: String?
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
