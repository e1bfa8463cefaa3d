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
        var rejected = 0
        let files = FileImporter.expand(paths, extensions: FeedSync.feedFileExtensions.union(["txt"])) { path, reason in
            printError("krant: \(path): \(reason)")
            rejected += 1
        }
        let feedFiles = files.filter(FeedSync.isFeedFile)
        let textFiles = files.filter { !FeedSync.isFeedFile($0) }

        // Articles go in first and the search index catches up afterwards
        // (`IndexCommand.catchUp`): storing is twice as fast without it.
        var importer = FileImporter(store: articles)
        importer.searchIndexing = .later
        let report = try importer.importFiles(textFiles) { path, reason in
            printError("krant: \(path): \(reason)")
        }
        var new = report.inserted.count
        var present = report.alreadyPresent
        rejected += report.rejected.count
        for result in FeedSync(store: articles).importFiles(feedFiles, indexing: .later) {
            switch result.outcome {
            case .stored(let feedReport):
                new += feedReport.inserted.count
                present += feedReport.updated + feedReport.unchanged
            case .notModified:
                // Unchanged since it was imported: every item is present.
                present += result.feed?.articleCount ?? 0
            case .failed(let reason):
                printError("krant: \(result.source): \(reason)")
                rejected += 1
            }
        }
        print("imported \(new) new, \(present) already present, \(rejected) rejected")
        try IndexCommand.catchUp(after: articles, waiting: indexNow)
        if rejected > 0 { throw ExitCode(1) }
    }
}
