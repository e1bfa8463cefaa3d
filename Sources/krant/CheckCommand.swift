import ArgumentParser
import Foundation
import KrantCore
import KrantStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store for damage (SQLite's integrity check).",
        discussion: """
        Reads the whole store and says what SQLite found; it writes nothing,
        so it is safe on a damaged or read-only store and while the reader
        runs. Exit status 0 when the store is whole, 1 when it is damaged
        (then `krant repair` copies what can be read into a new store).

        Examples:
          krant check
          krant check --db ~/backup/krant.db
        """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let path = try store.resolvedPath
        let check: StoreIntegrityCheck
        do {
            check = try StoreIntegrityCheck.run(path: path)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
        if check.isIntact {
            print(Sanitizer.escapedForDisplay("\(path): ok (SQLite's integrity check found nothing wrong)"))
            return
        }
        print(Sanitizer.escapedForDisplay("\(path): damaged; SQLite's integrity check found:"))
        for problem in check.problems { print(Sanitizer.escapedForDisplay("  " + problem)) }
        throw CommandFailure(message: "\(path) is damaged; `krant repair` copies what can be read into a new store")
    }
}
