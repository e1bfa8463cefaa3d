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
          krant list --search 'title:kabinet -asiel "tweede kamer" OR senaat'
          krant list --query Oekraïne

        Search: words match as prefixes, accents optional; OR between two
        terms matches either; -word leaves out; "exact phrase"; title:word
        looks only at the title.
        """
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Only unread articles.") var unread = false
    @Flag(help: "Only starred articles.") var starred = false
    @Option(help: ArgumentHelp("Only articles in this category (news section).", valueName: "name"))
    var category: String?
    @Option(help: ArgumentHelp("Full-text search over titles and text; accents are optional.", valueName: "query"))
    var search: String?
    @Option(help: ArgumentHelp("A saved query of the config file ([[queries]]), by name.", valueName: "name"))
    var query: String?
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
        // A malformed search is a usage error, said before the store opens.
        if let search, !search.isEmpty {
            do { _ = try SearchParser.parse(search) } catch { throw UsageFailure(message: "--search: \(error)") }
        }
        let saved = try self.query.map { try savedQuery(named: $0) }
        var articles = try store.openForReading()
        if let category { try Self.checkCategory(category, in: articles) }
        var query = saved?.headlineQuery(unreadOnly: unread) ?? HeadlineQuery()
        query.unreadOnly = query.unreadOnly || unread
        query.starredOnly = query.starredOnly || starred
        if let category { query.category = category }
        if let search, !search.isEmpty {
            // Both a saved query's search and this one must match.
            query.search = query.search.map { "\($0) \(search)" } ?? search
        }
        let search = query.search
        // A search finds every article: what an import left for the index
        // to catch up with is indexed first (a read-only store can only say so).
        if search != nil {
            if !articles.isReadOnly {
                if try articles.hasSearchBacklog() {
                    // The catch-up reads the next batch while it writes one: a pool's work.
                    if articles.connections == .single { articles = try store.open(readOnlyAllowed: true) }
                    try articles.catchUpSearch()
                }
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

    /// The config file's query of that name; an unknown name is said with
    /// the names there are.
    private func savedQuery(named name: String) throws -> SavedQuery {
        let queries = try store.configuration().savedQueries
        if let found = queries.first(where: { $0.name == name }) { return found }
        let names = queries.map { "\"\($0.name)\"" }.joined(separator: ", ")
        throw CommandFailure(message: "no saved query \"\(name)\" "
            + (queries.isEmpty ? "(the config file has no [[queries]])" : "(the queries are: \(names))"))
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
