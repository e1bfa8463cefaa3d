import ArgumentParser
import Foundation
import KrantCore
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
          krant feeds import-opml subscriptions.opml
          krant feeds export-opml > subscriptions.opml
        """,
        subcommands: [Add.self, List.self, Remove.self, ImportOPML.self, ExportOPML.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe to a feed: it is fetched once to check it and learn its title.",
            discussion: "Example:\n  krant feeds add https://feeds.nos.nl/nosnieuwsbinnenland --category Binnenland")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's URL (http or https).") var url: String
        @Option(help: ArgumentHelp("Category (news section) for its articles.", valueName: "name"))
        var category: String?

        func run() throws {
            var configured = Ingestion(store: try store.open())
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
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List subscriptions with their article counts and last fetch.",
            discussion: "Examples:\n  krant feeds list\n  krant feeds list --json")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            let feeds = try store.openForReading().feeds()
            if json {
                print(try JSONOutput.string(feeds.map(FeedJSON.init)))
                return
            }
            for feed in feeds {
                let id = String(feed.id)
                print(Sanitizer.escapedForDisplay(String(repeating: " ", count: max(0, 4 - id.count)) + id + "  "
                      + "\(feed.title ?? "(untitled)")  [\(feed.category ?? "-")]  \(feed.unreadCount) unread of \(feed.articleCount)"))
                print(Sanitizer.escapedForDisplay("      \(feed.url)  · last fetch: \(feed.lastStatus ?? "never")"))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unsubscribe; the feed's articles go too unless --keep-articles.",
            discussion: "Examples:\n  krant feeds remove 3\n  krant feeds remove https://example.org/feed.xml --keep-articles")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The feed's id (see `krant feeds list`) or URL.") var feed: String
        @Flag(help: "Keep the feed's articles.") var keepArticles = false

        func run() throws {
            let articles = try store.open()
            guard let subscription = try articles.feed(matching: feed) else {
                throw CommandFailure(message: "no feed \(feed) (see `krant feeds list`)")
            }
            try articles.removeFeed(id: subscription.id, keepArticles: keepArticles)
            print(Sanitizer.escapedForDisplay("removed \(subscription.title ?? subscription.url)"
                  + (keepArticles ? " (\(Self.kept(subscription.articleCount)))" : "")))
        }

        static func kept(_ count: Int) -> String {
            count == 1 ? "its 1 article was kept" : "its \(count) articles were kept"
        }
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
