import ArgumentParser
import Foundation
import KrantStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import saved articles from files and folders.",
        discussion: """
        Folders are searched recursively for .txt files; a file named on the
        command line is read whatever its extension. Every rejected input is
        named on standard error with the reason, and the others are imported.
        An article imported before is recognised by its text and never
        duplicated; its read and starred state are kept.

        Exit status: 0 when every input was imported, 1 when some were
        rejected, 2 on a usage error.

        Examples:
          krant import article.txt
          krant import ~/Nieuws ~/Downloads/nos-artikel.txt
        """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or folder to import.") }
    }

    func run() throws {
        let importer = FileImporter(store: try store.open())
        let report = try importer.importPaths(paths) { path, reason in
            printError("krant: \(path): \(reason)")
        }
        print("imported \(report.inserted.count) new, \(report.alreadyPresent) already present, \(report.rejected.count) rejected")
        if !report.rejected.isEmpty { throw ExitCode(1) }
    }
}
