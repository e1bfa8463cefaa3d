import ArgumentParser
import Foundation
import KrantCore
import KrantStore
import KrantSync

struct ImportNewsboatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-newsboat",
        abstract: "Take over newsboat's subscriptions and its stored articles with their read and flagged state.",
        discussion: """
        Subscribes to every feed of newsboat's urls file (the first tag
        becomes the category, a "~Name" tag the title) and stores every
        article of its cache.db under its feed, read or unread as in
        newsboat, and starred when newsboat has it flagged. Query, exec: and
        filter: lines are named on standard error as skipped, with the
        reason; so are articles newsboat deleted or of feeds not in urls
        (not imported). An article krant has already is left as it is, so
        running the command again changes nothing. newsboat's files are
        only read.

        Without --urls and --cache, newsboat's own locations: urls in
        $XDG_CONFIG_HOME/newsboat and cache.db in $XDG_DATA_HOME/newsboat
        when the first folder exists (~/.config, ~/.local/share when the
        variables are unset), else ~/.newsboat/urls and ~/.newsboat/cache.db.

        Exit status: 0 when imported (skipped lines included), 1 when a file
        cannot be read or the store cannot be written, 2 on a usage error.

        Examples:
          krant import-newsboat
          krant import-newsboat --urls ~/.newsboat/urls --cache ~/.newsboat/cache.db
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("newsboat's urls file (default: newsboat's own).", valueName: "path"))
    var urls: String?

    @Option(help: ArgumentHelp("newsboat's cache.db (default: newsboat's own).", valueName: "path"))
    var cache: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let standard = NewsboatLocation.standard(environment: environment, home: home) { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
        let articles = try store.open()
        // As `krant import`: articles first, the search index catches up after.
        var ingestion = Ingestion(store: articles)
        ingestion.indexing = .later
        let report: NewsboatImportReport
        do {
            report = try ingestion.importNewsboat(urls: urls ?? standard.urls, cache: cache ?? standard.cache) { line in
                printError("krant: " + line)
            }
        } catch let failure as IngestionFailure {
            try articles.failIfDamaged()
            throw CommandFailure(message: failure.description)
        }
        if report.deletedItems > 0 {
            printError("krant: \(counted(report.deletedItems, "article")) "
                       + "newsboat deleted: not imported")
        }
        print(report.summary)
        try IndexCommand.report(SearchIndexer.catchUp(articles, waiting: false, background: .thisKrant))
    }
}
