import ArgumentParser
import Foundation
import KrantCore
import KrantStore
import KrantSync

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch subscribed feeds and store new and changed articles.",
        discussion: """
        Feeds are fetched a few at a time with conditional requests (an
        unchanged feed costs one 304 and no parsing). Each failed feed is
        named on standard error with the reason; the others are still stored.
        Exit status 1 when some feed failed. With --quiet nothing but those
        errors is printed (for a timer or cron). When the fetch brought new
        articles, the config file's `notify` command is run.

        Examples:
          krant fetch
          krant fetch 3 https://feeds.nos.nl/nosnieuwssport
          krant fetch --quiet
        """
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Argument(help: "Feeds to fetch, by id or URL (default: all).") var feeds: [String] = []

    func run() throws {
        let notify = NotifyCommand(configured: try store.configuration().notify)
        let articles = try store.open()
        var selected: [FeedSubscription] = []
        // A sync account's feeds come from its server (`krant sync`):
        // fetched here too, their articles would be stored twice.
        let synced = try articles.syncedFeedIDs()
        if feeds.isEmpty {
            selected = try articles.feeds().filter { !synced.contains($0.id) }
        } else {
            for name in feeds {
                let feed = try FeedsCommand.find(name, in: articles)
                if synced.contains(feed.id), let link = try articles.syncLink(feedID: feed.id) {
                    throw CommandFailure(message: Sanitizer.escapedForDisplay(
                        "\(feed.title ?? feed.url) comes from the sync account \(link.account.name); `krant sync` refreshes it"))
                }
                selected.append(feed)
            }
        }
        let showProgress = !quiet && isatty(STDERR_FILENO) != 0
        var ingestion = Ingestion(store: articles)
        ingestion.ignoreRules = try store.configuration().ignoreRules
        let chosen = selected
        let fetching = ingestion
        let results = waitFor {
            await fetching.refresh(chosen) { done, total in
                if showProgress { FileHandle.standardError.write(Data("\rfetching \(done)/\(total)\u{1B}[K".utf8)) }
            }
        }
        if showProgress && !results.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        // Each feed after the damage failed with it: said once.
        try articles.failIfDamaged()
        // Left by an earlier import whose indexer did not finish; it also
        // empties the write-ahead log.
        let indexing = try SearchIndexer.catchUp(articles, waiting: false, background: .thisKrant)
        if !quiet { IndexCommand.report(indexing) }
        var failed = 0
        for result in results {
            let name = result.feed?.title.map { "\($0) (\(result.source))" } ?? result.source
            if let failure = result.failure {
                failed += 1
                printError("krant: \(name): \(failure)")
            } else if result.recoveredErrors > 0 && !quiet {
                printError("krant: \(name): \(FeedSyncResult.recovered(result.recoveredErrors))")
            }
        }
        let new = results.reduce(0) { $0 + $1.newArticles }
        let removed = try Retention.apply(try store.configuration().retention, to: articles)
        let ignored = results.reduce(0) { $0 + $1.ignoredArticles }
        if !quiet {
            print("\(counted(results.count, "feed")), \(counted(new, "new article")), \(failed) failed"
                  + (ignored > 0 ? ", \(ignored) ignored" : "") + Retention.summary(removed))
        }
        if let failure = notify?.run(after: results, quietOutput: false) {
            printError("krant: notify: \(failure)")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
