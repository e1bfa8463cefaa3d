import ArgumentParser
import KrantCore
import KrantStore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete articles.",
        discussion: """
        The articles leave the store, the lists and the search index. A
        deleted feed item does not come back when its feed is fetched again.

        Example:
          krant delete 7 8
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var articles: ArticleIDs

    func run() throws {
        let deleted = try store.open().delete(articles.ids)
        print("deleted \(counted(deleted.ids.count, "article"))")
        let found = Set(deleted.ids)
        try reportMissing(articles.ids.filter { !found.contains($0) })
    }
}
