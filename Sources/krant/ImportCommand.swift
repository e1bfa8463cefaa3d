import ArgumentParser
import Foundation
import KrantStore
import KrantSync

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import saved articles and feed files from files and folders.",
        discussion: """
        Folders are searched recursively for saved articles (.txt) and feed
        files (.xml, .rss, .atom, .json: RSS, Atom or JSON Feed); a file named
        on the command line is read whatever its extension (as a feed when
        its extension says so). A feed file becomes a subscription to that
        file, so `krant fetch` reads it again. Every rejected input is named
        on standard error with the reason, and the others are imported. An
        article imported before is never duplicated; its read and starred
        state are kept.

        Exit status: 0 when every input was imported, 1 when some were
        rejected, 2 on a usage error.

        Examples:
          krant import article.txt
          krant import ~/Nieuws ~/Downloads/nos-artikel.txt
          krant import nos-binnenland.xml
        """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Article or feed files, or folders.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Index every new article for search before returning, however many.")
    var indexNow = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or folder to import.") }
    }

    func run() throws {
        let articles = try store.open()
        // Articles go in first and the search index catches up afterwards:
        // storing is twice as fast without it.
        var ingestion = Ingestion(store: articles)
        ingestion.indexing = .later
        let report = try ingestion.importPaths(ArgumentBytes.paths(paths)) { path, reason in
            // Once the store is damaged every write fails alike: said once, below.
            guard articles.damage == nil else { return }
            printError("krant: \(path): \(reason)")
        }
        try articles.failIfDamaged()
        for feed in report.feeds where feed.recoveredErrors > 0 {
            printError("krant: \(feed.source): \(FeedSyncResult.recovered(feed.recoveredErrors))")
        }
        print("imported \(report.inserted) new, \(report.alreadyPresent) already present, \(report.rejected.count) rejected")
        try IndexCommand.report(SearchIndexer.catchUp(articles, waiting: indexNow, background: .thisKrant))
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}
