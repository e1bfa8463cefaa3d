import ArgumentParser
import Foundation
import KrantCore
import KrantStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List headlines, newest first.",
        discussion: """
        Each line shows the id, N for unread and * for starred, the date,
        the source and the title.

        Examples:
          krant list --unread
          krant list --search "oekraine poetin" --json
          krant list --starred --count
        """
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Only unread articles.") var unread = false
    @Flag(help: "Only starred articles.") var starred = false
    @Option(help: ArgumentHelp("Only articles in this category (news section).", valueName: "name"))
    var category: String?
    @Option(help: ArgumentHelp("Full-text search over titles and text; accents are optional.", valueName: "query"))
    var search: String?
    // Unconditional: `--limit -3` is read as the number it is, which
    // `validate` refuses by name, not as an option ("Missing value").
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many headlines (a positive number).", valueName: "n"))
    var limit: Int?
    @Flag(help: "Print a JSON array.") var json = false
    @Flag(help: "Print only the number of matching articles.") var count = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be a positive number, not \(limit).") }
        if json && count { throw ValidationError("Use either --json or --count.") }
    }

    func run() throws {
        let articles = try store.openForReading()
        if let category { try Self.checkCategory(category, in: articles) }
        let query = HeadlineQuery(unreadOnly: unread, starredOnly: starred, category: category, search: search)
        // A search finds every article: what an import left for the index
        // to catch up with is indexed first (a read-only store can only say so).
        if search != nil {
            if !articles.isReadOnly {
                try articles.catchUpSearch()
            } else if case let waiting = try articles.searchBacklog(), waiting > 0 {
                printError("krant: note: \(counted(waiting, "article is", "articles are")) not indexed for search yet, "
                           + "and the store is read-only: the search cannot find \(waiting == 1 ? "it" : "them")")
            }
        }
        if count {
            print(try articles.count(query))
            return
        }
        let headlines = try articles.headlines(query, limit: limit ?? Int.max)
        if json {
            print(try JSONOutput.string(headlines.map(HeadlineJSON.init)))
            return
        }
        for headline in headlines {
            print(Self.line(for: headline))
        }
    }

    /// A category no article or feed has is a mistake (a typo, the wrong
    /// case), not an empty view: it is said, with the names there are.
    static func checkCategory(_ name: String, in store: ArticleStore) throws {
        var known = Set(try store.categories().map(\.name))
        known.formUnion(try store.feeds().compactMap(\.category))
        guard !known.contains(name) else { return }
        let names = known.sorted { lhs, rhs in
            let (left, right) = (lhs.lowercased(), rhs.lowercased())
            return left != right ? left < right : lhs < rhs
        }
        throw CommandFailure(message: "no category \"\(name)\" "
            + (names.isEmpty ? "(no article has a category)" : "(the categories are: \(names.joined(separator: ", ")))"))
    }

    static func line(for headline: Headline) -> String {
        let marks = (headline.isRead ? " " : "N") + (headline.isStarred ? "*" : " ")
        let date = headline.published.map(DateText.list) ?? ""
        let source = headline.source ?? ""
        let id = String(headline.id)
        return String(repeating: " ", count: max(0, 5 - id.count)) + id + " " + marks + " "
            + TextWrapper.pad(date, width: 16) + " " + TextWrapper.pad(source, width: 12) + " " + headline.title
    }
}
