import ArgumentParser
import Foundation
import KrantCore
import KrantStore
import KrantSync

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Bring the search index up to date.",
        discussion: """
        A large import stores its articles first, so they can be read at once,
        and leaves the search index to catch up in a background process;
        until it has, search does not find the newest articles (the reader
        says how many). `krant index` waits for that process, does what is
        left in the foreground, and returns when every article can be found.
        A store whose index another version of krant built, with other rules
        for an article's words, has its index rebuilt the same way. It is
        safe to run while the reader or another import runs.

        Examples:
          krant index
          krant import ~/Nieuws && krant index
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: .hidden)
    var background = false

    func run() throws {
        if background {
            // Started by an import: yield the processor to the user's work,
            // and never create a store that was deleted meanwhile.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            guard FileManager.default.fileExists(atPath: try store.resolvedPath) else { return }
        }
        let articles = try store.open()
        let rebuilding = try articles.isRebuildingSearchIndex()
        if !background {
            // Indexing the same rows twice would only race for them: let a
            // background indexer finish, then do what is left.
            SearchIndexer.waitUntilFinished(storePath: articles.path)
        }
        let indexed = try articles.catchUpSearch()
        if indexed > 0 { articles.truncateWriteAheadLog() }
        guard !background else { return }
        if rebuilding {
            print("rebuilt the search index for this version of krant")
        } else {
            print(indexed == 0 ? "search index is up to date"
                  : "indexed \(counted(indexed, "article")) for search")
        }
    }

    /// Says what the pipeline's index step did, after an import or a fetch.
    static func report(_ outcome: SearchIndexer.Outcome) {
        if case .inBackground(let waiting) = outcome {
            print("indexing \(counted(waiting, "article")) for search in the background (krant index waits for it)")
        }
    }
}
