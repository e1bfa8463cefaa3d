import Foundation
import KrantStore
import KrantSync

/// The sample articles shipped with krant, so a first run shows real news.
enum BundledArticles {
    /// The `articles` folder of the executable's resource bundle. Looked up by
    /// hand rather than with `Bundle.module`, which aborts the process when a
    /// copied binary has lost its bundle; without it there is simply nothing
    /// to import.
    static var folder: URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [executable.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent(ArticleStore.bundledFolder) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// What the samples are, by content: a store a krant before the
    /// samples' own category made holds them without it.
    static var identities: Set<String> {
        folder.map { TextArticleIdentities.inFolder($0.path) } ?? []
    }

    /// Imports the samples into a store this run created; returns how many
    /// went in. Only a brand-new store: one that is empty because its reader
    /// removed everything must stay empty, and samples `krant samples remove`
    /// took out never come back (no flag needs to remember it: a store that
    /// exists is never new again).
    ///
    /// They go in under `ArticleStore.samplesCategory`, so they are not
    /// taken for the user's own articles and can be removed whole.
    @discardableResult
    static func importIfNew(into store: ArticleStore) throws -> Int {
        guard store.wasCreated, let folder else { return 0 }
        var ingestion = Ingestion(store: store)
        ingestion.datesFromFileTimes = false
        ingestion.savedArticleCategory = ArticleStore.samplesCategory
        return try ingestion.importPaths([folder.path]).inserted
    }
}
