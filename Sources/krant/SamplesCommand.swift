import ArgumentParser
import KrantCore
import KrantStore
import KrantSync

struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "List or remove the sample articles a new store starts with.",
        discussion: """
        The first time the reader opens a new store it imports five sample
        articles, so there is something to read at once. They are in the
        category "\(ArticleStore.samplesCategory)". `krant samples remove`
        deletes exactly those (your own articles and feeds stay), and they
        do not come back.

        Examples:
          krant samples
          krant samples remove
        """,
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the sample articles still in the store.",
            discussion: "Example:\n  krant samples list")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let samples = try store.openForReading().samples(identities: BundledArticles.identities)
            guard !samples.isEmpty else {
                print("no sample articles in this store")
                return
            }
            for sample in samples { print(ListCommand.line(for: sample)) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Delete the sample articles; your own articles stay.",
            discussion: "Example:\n  krant samples remove")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let removed = try store.open().removeSamples(identities: BundledArticles.identities)
            print(removed == 0 ? "no sample articles to remove" : "removed \(counted(removed, "sample article"))")
        }
    }
}
