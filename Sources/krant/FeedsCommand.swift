import ArgumentParser
import Foundation
import KrantCore
import KrantFeeds
import KrantStore
import KrantSync

struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Subscribe to news feeds (RSS, Atom, JSON Feed) and manage subscriptions.",
        discussion: """
        Examples:
          krant feeds add https://feeds.nos.nl/nosnieuwsalgemeen --category Algemeen
          krant feeds list
          krant feeds remove 3
          krant feeds rename 3 "NOS Binnenland"
          krant feeds move 3 Nieuws
          krant feeds import-opml subscriptions.opml
          krant feeds export-opml > subscriptions.opml
        """,
        subcommands: [Add.self, List.self, Remove.self, Rename.self, Move.self, ImportOPML.self, ExportOPML.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Subscribe to a feed: it is fetched once to check it and learn its title.",
            discussion: "Example:\n  krant feeds add https://feeds.nos.nl/nosnieuwsbinnenland --category Binnenland")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's URL (http or https).") var url: String
        @Option(help: ArgumentHelp("Category (news section) for its articles.", valueName: "name"))
        var category: String?
        @Option(help: ArgumentHelp("Subscribe on this sync account's server (default: the only account).",
                                   valueName: "name"))
        var account: String?
        @Flag(help: "Subscribe in krant only, even when a sync account exists.") var local = false

        func run() throws {
            let articles = try store.open()
            if !local, let account = try syncAccount(in: articles) {
                try subscribe(on: account, in: articles)
                return
            }
            var configured = Ingestion(store: articles)
            configured.ignoreRules = try store.configuration().ignoreRules
            let ingestion = configured
            let (url, category) = (url, category)
            let result = waitFor { await ingestion.subscribe(url: url, category: category) }
            try ingestion.store.failIfDamaged()
            if let failure = result.failure { throw CommandFailure(message: "\(url): \(failure)") }
            let title = result.feed?.title ?? "(untitled)"
            let recovered = result.recoveredErrors > 0 ? " (\(FeedSyncResult.recovered(result.recoveredErrors)))" : ""
            print(Sanitizer.escapedForDisplay(
                "subscribed to \(title) (\(result.feed?.url ?? url)): \(counted(result.newArticles, "article"))\(recovered)"))
        }

        /// The account to subscribe on: the one named, else the only one.
        private func syncAccount(in articles: ArticleStore) throws -> SyncAccount? {
            if let account { return try articles.requireAccount(named: account) }
            let accounts = try articles.accounts()
            if accounts.count > 1 {
                throw UsageFailure(message: "there are \(accounts.count) sync accounts; say which with --account NAME, or use --local")
            }
            return accounts.first
        }

        /// Queues the subscription for the server and syncs, which sends it
        /// and brings the feed's articles as the server has them.
        private func subscribe(on account: SyncAccount, in articles: ArticleStore) throws {
            if case .failure(let failure) = FeedFetcher.validate(url) { throw CommandFailure(message: "\(url): \(failure)") }
            do {
                try articles.addFeed(url: url, title: nil, category: category, account: account)
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
            let report = try SyncCommand.sync([account], in: articles, options: store, quiet: true, mayAsk: true).first
            let name = Sanitizer.escapedForDisplay(account.name)
            let waiting = try articles.feedChanges(accountID: account.id).contains { $0.kind == .subscribe && $0.url == url }
            if let report, report.failure == nil, report.refusedFeedChanges.isEmpty {
                print(Sanitizer.escapedForDisplay("subscribed to \(url) on \(account.name): ") + report.summary)
            } else if report?.refusedFeedChanges.isEmpty == false {
                throw CommandFailure(message: "\(name) did not subscribe; \(Sanitizer.escapedForDisplay(url)) stays a feed krant fetches itself")
            } else if waiting {
                print("queued for \(name): the subscription is sent with the next `krant sync`")
            } else {
                print("subscribed on \(name); its articles come with the next `krant sync`")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List subscriptions with their article counts and last fetch.",
            discussion: "Examples:\n  krant feeds list\n  krant feeds list --json")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            let articles = try store.openForReading()
            let feeds = try articles.feeds()
            let accounts = try articles.syncAccountNames()
            if json {
                print(try JSONOutput.string(feeds.map(FeedJSON.init)))
                return
            }
            for feed in feeds {
                let id = String(feed.id)
                print(Sanitizer.escapedForDisplay(String(repeating: " ", count: max(0, 4 - id.count)) + id + "  "
                      + "\(feed.title ?? "(untitled)")  [\(feed.category ?? "-")]  \(feed.unreadCount) unread of \(feed.articleCount)"))
                let source = accounts[feed.id].map { "synced with \($0)" } ?? "last fetch: \(feed.lastStatus ?? "never")"
                print(Sanitizer.escapedForDisplay("      \(feed.url)  · \(source)"))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Unsubscribe; the feed's articles go too unless --keep-articles.",
            discussion: "Examples:\n  krant feeds remove 3\n  krant feeds remove https://example.org/feed.xml --keep-articles")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's id (see `krant feeds list`) or URL.") var feed: String
        @Flag(help: "Keep the feed's articles.") var keepArticles = false

        func run() throws {
            let articles = try store.open()
            let subscription = try FeedsCommand.find(feed, in: articles)
            let link = try articles.syncLink(feedID: subscription.id)
            try articles.removeFeed(id: subscription.id, keepArticles: keepArticles)
            print(Sanitizer.escapedForDisplay("removed \(subscription.title ?? subscription.url)"
                  + (keepArticles ? " (its \(counted(subscription.articleCount, "article was", "articles were")) kept)" : "")))
            if let link { try SyncCommand.sendQueued(link.account, in: articles, options: store) }
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Give a feed another title (on its sync account's server too).",
            discussion: "Example:\n  krant feeds rename 3 \"NOS Binnenland\"")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's id (see `krant feeds list`) or URL.") var feed: String
        @Argument(help: "The new title.") var title: String

        func run() throws {
            try FeedsCommand.change(feed, store: store) { articles, subscription in
                if title.trimmingCharacters(in: .whitespaces).isEmpty, try articles.syncLink(feedID: subscription.id) != nil {
                    throw UsageFailure(message: "a feed of a sync account keeps a title; give one")
                }
                try articles.renameFeed(id: subscription.id, title: title)
                return "renamed \(subscription.title ?? subscription.url) to \(title)"
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a feed and its articles to another category (a folder on its sync account's server).",
            discussion: "Examples:\n  krant feeds move 3 Binnenland\n  krant feeds move 3 \"\"   (no category)")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's id (see `krant feeds list`) or URL.") var feed: String
        @Argument(help: "The category; \"\" for none.") var category: String

        func run() throws {
            try FeedsCommand.change(feed, store: store) { articles, subscription in
                try articles.moveFeed(id: subscription.id, category: category)
                let target = category.trimmingCharacters(in: .whitespaces).isEmpty ? "no category" : category
                return "moved \(subscription.title ?? subscription.url) to \(target)"
            }
        }
    }

    /// Changes a feed, says what changed, and sends the change to the
    /// feed's sync account (if it has one) at once.
    static func change(_ feed: String, store: StoreOptions,
                       _ body: (ArticleStore, FeedSubscription) throws -> String) throws {
        let articles = try store.open()
        let subscription = try find(feed, in: articles)
        print(Sanitizer.escapedForDisplay(try body(articles, subscription)))
        if let link = try articles.syncLink(feedID: subscription.id) {
            try SyncCommand.sendQueued(link.account, in: articles, options: store)
        }
    }

    static func find(_ feed: String, in articles: ArticleStore) throws -> FeedSubscription {
        guard let subscription = try articles.feed(matching: feed) else {
            throw CommandFailure(message: "no feed \(feed) (see `krant feeds list`)")
        }
        return subscription
    }

    struct ImportOPML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-opml",
            abstract: "Subscribe to every feed in an OPML file (folders become categories); run `krant fetch` next.",
            discussion: "Example:\n  krant feeds import-opml newsboat-export.opml")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The OPML file.") var file: String

        func run() throws {
            let report: OPMLImportReport
            do {
                report = try Ingestion(store: try store.open()).importOPML(file: file) { url, reason in
                    printError("krant: \(url): \(reason), skipped")
                }
            } catch let failure as IngestionFailure {
                throw CommandFailure(message: failure.description)
            }
            let (added, present, refused) = (report.added, report.alreadySubscribed, report.refused)
            print("subscribed to \(counted(added, "feed")), \(present) already subscribed"
                  + (refused > 0 ? ", \(refused) refused" : ""))
            if refused > 0 { throw ExitCode(1) }
        }
    }

    struct ExportOPML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-opml",
            abstract: "Print the subscriptions as OPML 2.0 (categories as folders).",
            discussion: """
            Only web feeds are written: an OPML import never subscribes to a
            local file, so each subscription to a feed file is named on
            standard error as left out, with the `krant import` that brings
            it back.

            Example:
              krant feeds export-opml > subscriptions.opml
            """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opml: String
            do {
                opml = try Ingestion(store: try store.openForReading()).exportOPML { url, reason in
                    printError("krant: left out \(url): \(reason)")
                }
            } catch let failure as IngestionFailure {
                throw CommandFailure(message: failure.description)
            }
            print(opml, terminator: opml.hasSuffix("\n") ? "" : "\n")
        }
    }
}

struct FeedJSON: Encodable {
    let feed: FeedSubscription

    init(_ feed: FeedSubscription) { self.feed = feed }

    enum CodingKeys: String, CodingKey {
        case id, title, url, category, articles, unread
        case lastStatus = "last_status", lastFetched = "last_fetched"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(feed.id, forKey: .id)
        try container.encode(feed.title, forKey: .title)
        try container.encode(feed.url, forKey: .url)
        try container.encode(feed.category, forKey: .category)
        try container.encode(feed.articleCount, forKey: .articles)
        try container.encode(feed.unreadCount, forKey: .unread)
        try container.encode(feed.lastStatus, forKey: .lastStatus)
        try container.encode(feed.lastFetchedAt.map { ISO8601DateFormatter().string(from: $0) }, forKey: .lastFetched)
    }
}
