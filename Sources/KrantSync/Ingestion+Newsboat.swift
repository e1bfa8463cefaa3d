import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// `krant import-newsboat`: newsboat's subscriptions from its `urls` file,
/// and every item of its `cache.db` with its read and flagged state, as
/// feed items of those subscriptions.
///
/// Items are stored as a fetch stores them (`FeedItem.storableArticle`,
/// identities by `ArticleIdentity.forFeedItem`), so the next `krant fetch`
/// of the feed recognises them instead of adding them again. An item krant
/// already has is left alone, content and marks: importing twice changes
/// nothing, and what the reader did in krant since is never undone.
extension Ingestion {
    /// `onProblem` gets one line per thing not imported (a skipped `urls`
    /// line, tags krant has no place for, items of feeds not in `urls`).
    /// Throws an `IngestionFailure` when either file cannot be read or the
    /// store cannot be written.
    public func importNewsboat(urls urlsPath: String, cache cachePath: String,
                               onProblem: (String) -> Void) throws -> NewsboatImportReport {
        let urls = try readURLs(urlsPath)
        let cache: NewsboatCache
        do {
            cache = try NewsboatCache(path: cachePath)
        } catch {
            throw IngestionFailure(error.description)
        }
        var report = NewsboatImportReport()
        for skipped in urls.skipped {
            onProblem("\(urlsPath):\(skipped.line): \(skipped.text): skipped: \(skipped.reason)")
        }
        report.linesSkipped = urls.skipped.count

        let feeds: [String: FeedSubscription]
        do {
            let cachedTitles = Dictionary(try cache.feeds().map { ($0.url, $0.title) }) { first, _ in first }
            feeds = try subscribe(urls, titles: cachedTitles, report: &report, urlsPath: urlsPath,
                                  onProblem: onProblem)
        } catch let error as NewsboatCacheError {
            throw IngestionFailure(error.description)
        } catch {
            throw IngestionFailure(StoreError.reason(for: error))
        }

        let writes = NewsboatItemWrites()
        let writer = StoreWriter<Void>(count: 0)
        var orphans: [String: Int] = [:]
        var orphanOrder: [String] = []
        let (store, indexing) = (self.store, self.indexing)
        do {
            try cache.items(batchSize: feedBatchSize) { batch in
                var byFeed: [String: [NewsboatCache.Item]] = [:]
                var order: [String] = []
                for item in batch {
                    guard feeds[item.feedURL] != nil else {
                        if orphans[item.feedURL] == nil { orphanOrder.append(item.feedURL) }
                        orphans[item.feedURL, default: 0] += 1
                        continue
                    }
                    if byFeed[item.feedURL] == nil { order.append(item.feedURL) }
                    byFeed[item.feedURL, default: []].append(item)
                }
                for feedURL in order {
                    let feed = feeds[feedURL]!
                    let articles = byFeed[feedURL]!.concurrentMap { $0.article(of: feed) }
                    writer.perform { writes.store(articles, feedID: feed.id, in: store, indexing: indexing) }
                }
            }
            report.deletedItems = try cache.deletedCount()
        } catch {
            _ = writer.finish()
            throw IngestionFailure(error.description)
        }
        _ = writer.finish()
        if let failure = writes.failure { throw IngestionFailure(failure) }
        report.articlesAdded = writes.counts.inserted.count
        report.articlesRead = writes.counts.insertedRead
        report.articlesStarred = writes.counts.insertedStarred
        report.articlesPresent = writes.counts.unchanged + writes.counts.updated
        report.orphanItems = orphanOrder.map { ($0, orphans[$0]!) }
        for (feedURL, count) in report.orphanItems {
            onProblem("\(cachePath): \(counted(count, "item")) of \(feedURL) not imported: "
                      + "the feed is not in \(urlsPath)")
        }
        return report
    }

    private func readURLs(_ path: String) throws -> NewsboatURLs {
        switch InputFiles.read(InputPath(path), limit: FeedParser.defaultSizeLimit) {
        case .failure(.unreadable(let reason)):
            throw IngestionFailure("\(path): cannot be read (\(reason))")
        case .failure(.tooLarge(_, let limit)):
            throw IngestionFailure("\(path): larger than \(limit / 1_048_576) MB; not a newsboat urls file")
        case .success(let contents):
            return NewsboatURLs.parse(String(decoding: contents.bytes, as: UTF8.self))
        }
    }

    /// The subscription of every `urls` line, made when krant has none yet
    /// (titled by its `~Name` tag, else by the title newsboat stored); one
    /// krant has is kept as it is, whatever its title and category.
    private func subscribe(_ urls: NewsboatURLs, titles: [String: String], report: inout NewsboatImportReport,
                           urlsPath: String, onProblem: (String) -> Void) throws -> [String: FeedSubscription] {
        var feeds: [String: FeedSubscription] = [:]
        for line in urls.subscriptions {
            if let existing = try store.feed(matching: line.url) {
                feeds[line.url] = existing
                report.feedsPresent += 1
                continue
            }
            if let category = line.category, !line.otherTags.isEmpty {
                let others = line.otherTags.map { "'\($0)'" }.joined(separator: ", ")
                onProblem("\(urlsPath):\(line.line): \(line.url): tags \(others) left out: "
                          + "krant keeps one category per feed, the first tag ('\(category)')")
            }
            let title = line.title ?? titles[line.url].flatMap { Sanitizer.cleanLineOrNil($0) }
            feeds[line.url] = try store.addFeed(url: line.url, title: title, category: line.category)
            report.feedsAdded += 1
        }
        return feeds
    }
}

/// The items' writes, on the writer's queue only (so it needs no lock): their
/// counts, and the first failure, after which the rest is not written.
private final class NewsboatItemWrites: @unchecked Sendable {
    var counts = FeedUpsertReport()
    var failure: String?

    func store(_ articles: [Article], feedID: Int64, in store: ArticleStore, indexing: SearchIndexing) {
        guard failure == nil else { return }
        do {
            let stored = try store.upsertFeedArticles(articles, feedID: feedID, indexing: indexing,
                                                      keepingStored: true)
            counts.inserted += stored.inserted
            counts.insertedRead += stored.insertedRead
            counts.insertedStarred += stored.insertedStarred
            counts.unchanged += stored.unchanged
            counts.updated += stored.updated
        } catch {
            failure = StoreError.reason(for: error)
        }
    }
}

extension NewsboatCache.Item {
    /// The item as krant's fetch of the same feed would store it, so their
    /// identities agree. newsboat gives an item without a guid one of its
    /// own, link + the feed's date text (else the link, else the title);
    /// krant identifies such an item by its link, or by its text, so that
    /// made-up guid is dropped here.
    func article(of feed: FeedSubscription) -> Article {
        var item = FeedItem(guid: ownGUID, link: link.isEmpty ? nil : link, title: title,
                            published: Date(timeIntervalSince1970: TimeInterval(published)),
                            authors: author.isEmpty ? [] : [author],
                            contentHTML: contentHTML.isEmpty ? nil : contentHTML,
                            // Cleaned as the feed parser cleans them: the cache is
                            // another program's file, and these reach a player.
                            enclosures: Sanitizer.cleanLineOrNil(enclosureURL).map { url in
                                [Enclosure(url: url, type: Sanitizer.cleanLineOrNil(enclosureType))]
                            } ?? [],
                            contentBase: base.isEmpty ? nil : base)
        if item.guid?.isEmpty == true { item.guid = nil }
        var article = item.storableArticle(feedURL: feed.url, feedTitle: feed.title, category: feed.category)
        article.isRead = !isUnread
        // Any newsboat flag is a mark the reader set on purpose: a star.
        article.isStarred = !flags.trimmingCharacters(in: .whitespaces).isEmpty
        return article
    }

    /// The feed's own guid, or nil when newsboat made this one up.
    var ownGUID: String? {
        if !link.isEmpty, guid.count > link.count, guid.hasPrefix(link),
           FeedDateParser.parse(String(guid.dropFirst(link.count))) != nil {
            return nil
        }
        if link.isEmpty, guid == title { return nil }
        return guid
    }
}
