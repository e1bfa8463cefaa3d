import ArgumentParser
import Foundation
import KrantStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Bring the search index up to date.",
        discussion: """
        A large import stores its articles first, so they can be read at once,
        and leaves the search index to catch up in a background process;
        until it has, search does not find the newest articles (the reader
        says how many). `krant index` does the same work in the foreground
        and returns when every article can be found. It is safe to run while
        the reader or another import runs.

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
            guard FileManager.default.fileExists(atPath: store.resolvedPath) else { return }
        }
        let articles = try store.open()
        let indexed = try articles.catchUpSearch()
        if indexed > 0 { articles.truncateWriteAheadLog() }
        if !background {
            // It shared the work; when it is gone nothing writes any more.
            BackgroundIndexer.waitUntilFinished(storePath: articles.path)
            print(indexed == 0 ? "search index is up to date"
                  : "indexed \(indexed) \(indexed == 1 ? "article" : "articles") for search")
        }
    }

    /// What a command that stored articles does last: a small backlog is
    /// indexed at once, a large one in the background (unless `waiting`).
    static func catchUp(after articles: ArticleStore, waiting: Bool) throws {
        let backlog = try articles.searchBacklog()
        if backlog > 0 && !waiting && backlog > foregroundLimit && BackgroundIndexer.start(storePath: articles.path) {
            print("indexing \(backlog) articles for search in the background (krant index waits for it)")
            // The indexer empties the log when it is done.
            return
        }
        try articles.catchUpSearch()
        articles.truncateWriteAheadLog()
    }

    /// Indexing this many takes about half a second: not worth a
    /// process of its own.
    static let foregroundLimit = 5_000
}
