import ArgumentParser
import Foundation
import KrantCore
import KrantStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article.",
        discussion: """
        As text: title, byline, lead caption, then the body wrapped to the
        width; captions are drawn behind a bar as "CREDIT · text",
        section headings start with §. With --json: the article model.
        Showing an article does not mark it read (use `krant mark`).

        Examples:
          krant show 7
          krant show 7 --width 60
          krant show 7 --json
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The article id (see `krant list`).") var id: Int64
    @Flag(help: "Print the article model as JSON.") var json = false
    @Option(help: "Wrap the text at this many columns (default: the terminal width, at most 100).")
    var width: Int?

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width must be at least 10.") }
    }

    func run() throws {
        guard let article = try store.openForReading().article(id: id) else {
            throw CommandFailure(message: "no article with id \(id)")
        }
        if json {
            print(try JSONOutput.string(ArticleJSON(article)))
            return
        }
        let layout = ArticleLayout(article: article, width: width ?? Self.defaultWidth(),
                                   language: (try store.configuration().language ?? Language(environment: ProcessInfo.processInfo.environment)))
        for line in layout.plainLines { print(line) }
    }

    /// The terminal's width when printing to one, else 80; capped because
    /// long lines are hard to read.
    static func defaultWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(100, Int(size.ws_col))
        }
        return 80
    }
}
