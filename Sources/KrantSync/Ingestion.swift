import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// The one way articles enter the store: expand → read → sniff → parse →
/// store → index, for saved plain-text articles, feed files, feed URLs and
/// OPML, on the first import and on every refresh (README: Architecture).
///
/// Reading and parsing run on every core; every write goes through one
/// `StoreWriter`, in input order, a transaction per batch of text files or
/// per feed, so a killed import or fetch leaves every feed as it was before
/// or after and never half an article. Bad inputs never stop an ingestion:
/// each is reported by name with its reason while the others go in.
public struct Ingestion: Sendable {
    public let store: ArticleStore
    public var fetcher = FeedFetcher()
    /// Feeds fetched at the same time: polite to servers, enough to hide latency.
    public var concurrency = 4
    /// Text articles per transaction: large enough to amortise the commit,
    /// small enough to keep memory flat on big folders.
    public var textBatchSize = 500
    /// And at most this many bytes of files per transaction.
    public var textBatchBytes = 32 * 1024 * 1024
    /// Feed items per transaction, handed from the parser as it reads: a
    /// feed's memory is one batch, not its item count. With 256 a feed of
    /// 600,000 tiny items took a fifth more CPU than one transaction; with
    /// 2,000 it takes 6% more and peaks at 74 MiB (one transaction: 450 MiB).
    public var feedBatchSize = 2000
    /// Whether "vandaag" and "gisteren" in saved articles count back from the
    /// file's modification day (off for the bundled samples).
    public var datesFromFileTimes = true
    /// The category saved articles are stored under; they carry none of
    /// their own (a feed's items take their feed's). The bundled samples
    /// are put in one of their own, so they can be told apart and removed.
    public var savedArticleCategory: String?
    /// When new articles enter the search index (see `SearchIndexing`).
    public var indexing = SearchIndexing.now
    /// The config file's `[[ignore]]` rules: feed items they match are not
    /// stored (and counted in `FeedItemCounts.ignored`).
    public var ignoreRules: [IgnoreRule] = []

    public init(store: ArticleStore) {
        self.store = store
    }

    /// Extensions a folder is searched for: saved articles and feed files.
    static let textFileExtensions: Set<String> = ["txt"]
    static let feedFileExtensions: Set<String> = ["xml", "rss", "atom", "json"]

    /// Whether a file is read as a feed (by its extension) rather than as a saved article.
    static func isFeedFile(_ path: InputPath) -> Bool {
        feedFileExtensions.contains(path.fileExtension)
    }

    // MARK: - Files and folders

    /// Imports files and folders (searched recursively for articles and feed
    /// files; a file named directly is read whatever its name). A feed file
    /// becomes a subscription to its `file://` URL, which a refresh reads
    /// again. `onRejected` is called as soon as an input is rejected, so a
    /// long import reports problems while it runs. Throws only when the
    /// store cannot be written.
    public func importPaths(_ paths: [String],
                            onRejected: (_ path: String, _ reason: String) -> Void = { _, _ in }) throws -> ImportReport {
        try importPaths(paths.map(InputPath.init), onRejected: onRejected)
    }

    /// Imports files and folders named by their bytes, as the command line
    /// and the file system give them: a name that is not UTF-8 is imported
    /// like any other, and reported (`path`) with its invalid bytes escaped.
    public func importPaths(_ paths: [InputPath],
                            onRejected: (_ path: String, _ reason: String) -> Void = { _, _ in }) throws -> ImportReport {
        // An import that leaves the index for later is a bulk load.
        guard indexing == .later else { return try importEach(paths, onRejected: onRejected) }
        return try store.withBulkWrites { try importEach(paths, onRejected: onRejected) }
    }

    private func importEach(_ paths: [InputPath],
                            onRejected: (_ path: String, _ reason: String) -> Void) throws -> ImportReport {
        var report = ImportReport()
        let files = InputFiles.expand(paths, extensions: Self.textFileExtensions.union(Self.feedFileExtensions)) {
            path, reason in
            report.rejected.append((path.description, reason))
            onRejected(path.description, reason)
        }
        try importTextFiles(files.filter { !Self.isFeedFile($0) }, into: &report, onRejected: onRejected)
        for result in importFeedFiles(files.filter(Self.isFeedFile)) {
            report.feeds.append(result)
            switch result.outcome {
            case .stored(let stored):
                report.inserted += stored.inserted
                report.alreadyPresent += stored.updated + stored.unchanged
            case .notModified:
                // Unchanged since it was imported: every item is present.
                report.alreadyPresent += result.feed?.articleCount ?? 0
            case .failed(let reason):
                report.rejected.append((result.source, reason))
                onRejected(result.source, reason)
            }
        }
        return report
    }

    /// Saved articles, a batch at a time: parsed on every core while the
    /// batch before is written.
    /// Files in batches of `textBatchSize`, each at most `textBatchBytes`
    /// in all (a file larger than that is a batch of its own): an article
    /// may be 64 MB, and two batches are in memory at once.
    func textBatches(_ files: [InputPath]) -> [[InputPath]] {
        var batches: [[InputPath]] = []
        var batch: [InputPath] = []
        var bytes = 0
        for file in files {
            let size = (try? InputFiles.status(of: file).get()).map { Int($0.st_size) } ?? 0
            if !batch.isEmpty, batch.count >= textBatchSize || bytes + size > textBatchBytes {
                batches.append(batch)
                batch = []
                bytes = 0
            }
            batch.append(file)
            bytes += size
        }
        if !batch.isEmpty { batches.append(batch) }
        return batches
    }

    private func importTextFiles(_ files: [InputPath], into report: inout ImportReport,
                                 onRejected: (_ path: String, _ reason: String) -> Void) throws {
        let reader = TextArticleFile(datesFromFileTimes: datesFromFileTimes, category: savedArticleCategory)
        let batches = textBatches(files)
        let writer = StoreWriter<Result<[InsertOutcome], any Error>>(count: batches.count)
        let (store, indexing) = (self.store, self.indexing)
        for (index, batch) in batches.enumerated() {
            var articles: [(article: Article, identity: String)] = []
            // Results are handled in file order, so reports stay repeatable.
            for (file, result) in zip(batch, batch.concurrentMap(reader.parse)) {
                switch result {
                case .success(let parsed):
                    articles.append(parsed)
                case .failure(let rejection):
                    report.rejected.append((file.description, rejection.description))
                    onRejected(file.description, rejection.description)
                }
            }
            let ready = articles
            writer.write(index) { Result { try store.insert(ready, indexing: indexing) } }
        }
        for result in writer.finish() {
            for outcome in try result.get() {
                switch outcome {
                case .inserted: report.inserted += 1
                case .alreadyPresent: report.alreadyPresent += 1
                }
            }
        }
    }

    // MARK: - OPML

    /// Subscribes to every feed of an OPML file (folders become categories);
    /// the feeds are fetched by the next refresh. Only web feeds are taken
    /// from someone else's file: never a local file or another scheme that
    /// a refresh would then read. Throws an `IngestionFailure` that names
    /// the file (or says what the store could not do).
    public func importOPML(file: String, onRefused: (_ url: String, _ reason: String) -> Void) throws -> OPMLImportReport {
        let outlines: [OPMLOutline]
        switch InputFiles.read(InputPath(file), limit: FeedParser.defaultSizeLimit) {
        case .failure(.unreadable(let reason)):
            throw IngestionFailure("\(file): cannot be read (\(reason))")
        case .failure(.tooLarge(_, let limit)):
            throw IngestionFailure("\(file): \(FeedParseError.tooLarge(limit: limit))")
        case .success(let contents):
            do {
                outlines = try OPML.parse(contents.bytes)
            } catch {
                throw IngestionFailure("\(file): \(error)")
            }
        }
        var report = OPMLImportReport()
        do {
            for outline in outlines {
                if case .failure(let failure) = FeedFetcher.validate(outline.xmlURL) {
                    onRefused(outline.xmlURL, failure.description)
                    report.refused += 1
                } else if try store.feed(matching: outline.xmlURL) != nil {
                    report.alreadySubscribed += 1
                } else {
                    try store.addFeed(url: outline.xmlURL, title: outline.title, category: outline.category)
                    report.added += 1
                }
            }
        } catch {
            throw IngestionFailure(StoreError.reason(for: error))
        }
        return report
    }
}

/// An ingestion that could not go on, in one line for the user.
public struct IngestionFailure: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// What an import of files and folders did.
public struct ImportReport: Sendable {
    /// Articles stored for the first time (saved articles and feed items).
    public var inserted = 0
    /// Inputs already stored (an article imported before, a feed item unchanged or updated).
    public var alreadyPresent = 0
    /// Each rejected input with the reason, in the order found.
    public var rejected: [(path: String, reason: String)] = []
    /// What happened to each feed file.
    public var feeds: [FeedSyncResult] = []
}

/// What an OPML import did.
public struct OPMLImportReport: Sendable {
    public var added = 0
    public var alreadySubscribed = 0
    public var refused = 0
}
