import ArgumentParser
import Foundation
import KrantCore
import KrantStore

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete old articles.",
        discussion: """
        Deletes the read articles published longer ago than --older-than
        (an undated one counts from when it was stored). Starred articles are
        never purged; unread ones only with --include-unread. Purged feed
        items do not come back when their feed is fetched again.

        Examples:
          krant purge --older-than 30d
          krant purge --older-than 8w --feed 3 --include-unread
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Purge articles older than this: 12h, 30d, 8w.", valueName: "age"))
    var olderThan: String
    @Option(help: ArgumentHelp("Only this feed's articles, by id or URL.", valueName: "feed"))
    var feed: String?
    @Flag(help: "Purge unread articles too.") var includeUnread = false

    func validate() throws {
        if AgeLimit(olderThan) == nil {
            throw ValidationError("--older-than: '\(olderThan)' is not an age; \(AgeLimit.explanation).")
        }
    }

    func run() throws {
        let articles = try store.open()
        var rule = PurgeRule(olderThan: AgeLimit(olderThan)!.before(Date()), includeUnread: includeUnread)
        if let feed {
            rule.feedID = try FeedsCommand.find(feed, in: articles).id
        }
        print("purged \(counted(try articles.purge(rule), "article"))")
    }
}
