import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// Feeds: files given to an import, subscriptions fetched over HTTP, and
/// `file://` subscriptions read again. Each goes read → parse → convert (on
/// every core) → the writer, a transaction per batch of items, then the
/// fetch's record.
extension Ingestion {
    /// Feed files: each becomes a subscription to its `file://` URL (created
    /// in the write, with its items) unless it is one already. One file is
    /// parsed while the one before it is written.
    func importFeedFiles(_ paths: [InputPath]) -> [FeedSyncResult] {
        let writer = StoreWriter<FeedSyncResult>(count: paths.count)
        for (index, path) in paths.enumerated() {
            let url = FeedFileURL.url(for: path)
            do {
                readFeedFile(at: url, known: try store.feed(matching: url), source: path.description,
                             writer: writer, index: index)
            } catch {
                let step = FeedStep.failed(source: path.description, feed: nil, reason: StoreError.reason(for: error))
                writer.write(index) { self.write(step) }
            }
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
        let writer = StoreWriter<FeedSyncResult>(count: 1)
        switch await fetcher.fetch(FetchRequest(url: url)) {
        case .notModified:
            let step = FeedStep.failed(source: url, feed: nil, reason: "the server sent no feed (304)")
            writer.write(0) { self.write(step) }
        case .failed(let failure):
            let step = FeedStep.failed(source: url, feed: nil, reason: failure.description)
            writer.write(0) { self.write(step) }
        case .fetched(let fetched):
            // A new subscription: a URL subscribed meanwhile (or the one a
            // redirect led to) is said, never quietly merged into.
            let target = FeedWrite(source: url, url: fetched.permanentRedirect ?? url, feed: nil, mustBeNew: true,
                                   category: category, validators: (fetched.etag, fetched.lastModified), newURL: nil)
            parse(fetched.body, into: target, writer: writer, index: 0)
        }
        return writer.finish()[0]
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
            fetched(outcome, for: feed, writer: writer, index: index)
        }
        for (offset, feed) in local.enumerated() {
            readFeedFile(at: feed.url, known: feed, source: feed.url, writer: writer, index: remote.count + offset)
            writer.perform { counter.advance() }
        }
        return writer.finish()
    }

    // MARK: - Read and parse

    private func fetched(_ outcome: FetchOutcome, for feed: FeedSubscription,
                         writer: StoreWriter<FeedSyncResult>, index: Int) {
        switch outcome {
        case .notModified(let permanentRedirect):
            let step = FeedStep.notModified(source: feed.url, feed: feed, newURL: permanentRedirect)
            writer.write(index) { self.write(step) }
        case .failed(let failure):
            let step = FeedStep.failed(source: feed.url, feed: feed, reason: failure.description)
            writer.write(index) { self.write(step) }
        case .fetched(let fetched):
            let target = FeedWrite(source: feed.url, url: feed.url, feed: feed, mustBeNew: false, category: feed.category,
                                   validators: (fetched.etag, fetched.lastModified), newURL: fetched.permanentRedirect)
            parse(fetched.body, into: target, writer: writer, index: index)
        }
    }

    /// Reads a feed file. Its size and modification time are its validator,
    /// as an ETag is a server's: a file read before and unchanged since is
    /// not read or parsed again, the way a 304 costs no parsing. The
    /// validator is taken before the read, so a file changed while it is
    /// read is not remembered as the version that was read.
    private func readFeedFile(at url: String, known: FeedSubscription?, source: String,
                              writer: StoreWriter<FeedSyncResult>, index: Int) {
        func fail(_ failure: InputFiles.Failure) {
            let reason = switch failure {
            case .unreadable(let reason): "cannot be read (\(reason))"
            case .tooLarge(_, let limit): FeedParseError.tooLarge(limit: limit).description
            }
            let step = FeedStep.failed(source: source, feed: known, reason: reason)
            writer.write(index) { self.write(step) }
        }
        let path = FeedFileURL.path(of: url) ?? InputPath(url)
        let status: stat
        switch InputFiles.status(of: path) {
        case .failure(let failure): return fail(failure)
        case .success(let found): status = found
        }
        let validator = InputFiles.validator(status)
        if let known, known.etag == validator {
            let step = FeedStep.notModified(source: source, feed: known, newURL: nil)
            return writer.write(index) { self.write(step) }
        }
        switch InputFiles.read(path, found: status, limit: FeedParser.defaultSizeLimit) {
        case .failure(let failure): fail(failure)
        case .success(let contents):
            let target = FeedWrite(source: source, url: url, feed: known, mustBeNew: false, category: known?.category,
                                   validators: (validator, nil), newURL: nil)
            parse(contents.bytes, into: target, writer: writer, index: index)
        }
    }

    /// Sniffs and parses a feed document; each batch of items the parser
    /// hands out is turned into articles on every core (bodies left as HTML
    /// for the store, `storableArticle`) and queued for the writer while the
    /// parser reads on. A feed of millions of items is never in memory at
    /// once: the writer holds one batch and the parser makes the next.
    private func parse(_ data: Data, into target: FeedWrite, writer: StoreWriter<FeedSyncResult>, index: Int) {
        let feedURL = target.url
        let (knownTitle, category) = (target.feed?.title, target.category)
        let rules = ignoreRules
        do {
            let header = try FeedParser.parse(data, url: feedURL, batchSize: feedBatchSize) { batch in
                let title = knownTitle ?? batch.title
                var articles = batch.items.concurrentMap { item in
                    item.storableArticle(feedURL: feedURL, feedTitle: title, category: category)
                }
                let before = articles.count
                if !rules.isEmpty {
                    articles.removeAll { article in
                        rules.contains { $0.matches(article, feedURL: feedURL, feedTitle: title, fold: SearchFolding.fold) }
                    }
                }
                let (ready, ignored) = (articles, before - articles.count)
                let channel = (batch.title, batch.siteURL)
                writer.perform { target.store(ready, channel: channel, ignored: ignored, in: self) }
            }
            writer.write(index) { target.finish(header, in: self) }
        } catch {
            let step = FeedStep.failed(source: target.source, feed: target.feed, reason: error.description)
            writer.write(index) { self.write(step) }
        }
    }

    // MARK: - Store

    /// The write of a feed that needs only its fetch recorded.
    fileprivate func write(_ step: FeedStep) -> FeedSyncResult {
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
        }
    }
}

/// Where a feed stands when reading or parsing it ended without items to
/// store: a result that only needs recording.
enum FeedStep: Sendable {
    case notModified(source: String, feed: FeedSubscription, newURL: String?)
    case failed(source: String, feed: FeedSubscription?, reason: String)
}

/// One feed's items on their way into the store, batch by batch, and then
/// its fetch record. Only the writer's queue touches it, one write after
/// another, so it needs no lock.
///
/// Each batch is its own transaction; the fetch record (with the new ETag)
/// is written last, so a fetch killed half-way leaves every item whole and
/// the feed fetched again in full next time.
final class FeedWrite: @unchecked Sendable {
    /// What the user named: a path, or the feed's URL.
    let source: String
    let url: String
    /// Nil for a feed not subscribed yet (a file imported for the first
    /// time, a URL being subscribed to): subscribed by the first write.
    private(set) var feed: FeedSubscription?
    /// A URL the user subscribes to: one already subscribed fails the
    /// write (a feed file imported again is just read again).
    let mustBeNew: Bool
    let category: String?
    let validators: (etag: String?, lastModified: String?)
    let newURL: String?
    private var counts = FeedItemCounts()
    private var failure: String?
    /// Before any batch is stored: deleted items a batch of this fetch
    /// listed are marked as seen after it (`DeletedItems`).
    private let started = Date()

    init(source: String, url: String, feed: FeedSubscription?, mustBeNew: Bool, category: String?,
         validators: (etag: String?, lastModified: String?), newURL: String?) {
        self.source = source
        self.url = url
        self.feed = feed
        self.mustBeNew = mustBeNew
        self.category = category
        self.validators = validators
        self.newURL = newURL
    }

    /// Stores one batch; after a failure the rest of the feed is skipped.
    func store(_ articles: [Article], channel: (title: String?, siteURL: String?), ignored: Int = 0,
               in ingestion: Ingestion) {
        guard failure == nil else { return }
        counts.ignored += ignored
        do {
            let feed = try subscription(title: channel.title, in: ingestion.store)
            let stored = try ingestion.store.upsertFeedArticles(articles, feedID: feed.id, indexing: ingestion.indexing)
            counts.add(stored)
            let wanted = FeedItemCounts.titlesKept - counts.newTitles.count
            if wanted > 0, !stored.inserted.isEmpty {
                counts.newTitles += (try? ingestion.store.titles(ids: Array(stored.inserted.prefix(wanted)))) ?? []
            }
        } catch {
            failure = StoreError.reason(for: error)
        }
    }

    /// Records the fetch (subscribing first when the feed had no item) and says what happened.
    func finish(_ header: ParsedFeed, in ingestion: Ingestion) -> FeedSyncResult {
        if var failure {
            // Batches before the failure are stored: say so, and record the
            // fetch without its validators, so the next one reads it all again.
            if counts.inserted + counts.updated > 0 {
                failure += " (after storing \(counts.inserted) new, \(counts.updated) updated)"
            }
            if let feed { try? ingestion.store.recordFetch(feedID: feed.id, status: failure) }
            return FeedSyncResult(source: source, feed: feed, outcome: .failed(failure))
        }
        do {
            let feed = try subscription(title: header.title, in: ingestion.store)
            var status = counts.inserted == 0 && counts.updated == 0
                ? "ok, nothing new" : "ok, \(counts.inserted) new, \(counts.updated) updated"
            if header.recoveredErrors > 0 { status += ", " + FeedSyncResult.recovered(header.recoveredErrors) }
            try ingestion.store.recordFetch(feedID: feed.id, status: status, etag: validators.etag,
                                            lastModified: validators.lastModified, newURL: newURL,
                                            title: header.title, siteURL: header.siteURL)
            // The whole feed was read: a deleted item it no longer lists has
            // left it for good. A feed read past errors may have lost items.
            if header.recoveredErrors == 0 { try ingestion.store.forgetDeletedItems(feedID: feed.id, notSeenSince: started) }
            return FeedSyncResult(source: source, feed: feed, outcome: .stored(counts),
                                  recoveredErrors: header.recoveredErrors)
        } catch {
            return FeedSyncResult(source: source, feed: feed, outcome: .failed(StoreError.reason(for: error)))
        }
    }

    private func subscription(title: String?, in store: ArticleStore) throws -> FeedSubscription {
        if let feed { return feed }
        let created = try mustBeNew ? store.addFeed(url: url, title: title, category: category)
                                    : existingOrNewSubscription(title: title, in: store)
        feed = created
        return created
    }

    /// The subscription of a feed file imported for the first time.
    private func existingOrNewSubscription(title: String?, in store: ArticleStore) throws -> FeedSubscription {
        if let existing = try store.feed(matching: url) { return existing }
        do {
            return try store.addFeed(url: url, title: title, category: category)
        } catch StoreError.alreadySubscribed {
            // Another krant imported the same file meanwhile.
            guard let existing = try store.feed(matching: url) else { throw StoreError.noSuchFeed(url) }
            return existing
        }
    }
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
