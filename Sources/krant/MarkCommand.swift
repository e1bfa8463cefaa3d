import ArgumentParser
import KrantStore

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark articles read or unread.",
        // Written out: the generated usage listed `--read --unread` as if
        // both were needed.
        usage: "krant mark <ids> ... (--read | --unread) [--db <path>] [--config <path>]",
        discussion: """
        Exactly one of --read and --unread says what the articles become.

        Examples:
          krant mark 7 --read
          krant mark 7 8 9 --unread
        """
    )

    @OptionGroup var store: StoreOptions
    // Two flags rather than an EnumerableFlag, whose missing-flag error
    // showed `--read <read>` as if the flag took a value.
    @Flag(help: "Mark as read.") var read = false
    @Flag(help: "Mark as unread.") var unread = false
    @OptionGroup var articles: ArticleIDs

    func validate() throws {
        if read == unread {
            throw ValidationError("Give exactly one of --read and --unread" + (read ? ", not both." : "."))
        }
    }

    func run() throws {
        let missing = try store.open().setRead(articles.ids, read)
        try reportMissing(missing)
    }
}

struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star", abstract: "Star articles.",
        discussion: "Example:\n  krant star 7 8")

    @OptionGroup var store: StoreOptions
    @OptionGroup var articles: ArticleIDs

    func run() throws {
        try reportMissing(try store.open().setStarred(articles.ids, true))
    }
}

struct UnstarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unstar", abstract: "Remove the star from articles.",
        discussion: "Example:\n  krant unstar 7")

    @OptionGroup var store: StoreOptions
    @OptionGroup var articles: ArticleIDs

    func run() throws {
        try reportMissing(try store.open().setStarred(articles.ids, false))
    }
}

/// The article ids `mark`, `star` and `unstar` act on.
struct ArticleIDs: ParsableArguments {
    @Argument(help: "Article ids (see `krant list`).") var ids: [Int64]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Name at least one article id.") }
    }
}

/// The existing ids were changed; name the others and fail.
func reportMissing(_ missing: [Int64]) throws {
    guard !missing.isEmpty else { return }
    throw CommandFailure(message: "no article with id \(missing.map(String.init).joined(separator: ", "))")
}
