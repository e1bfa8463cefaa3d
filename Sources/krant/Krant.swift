import ArgumentParser
import Foundation
import KrantConfig
import KrantStore
import KrantTerminal

@main
struct Krant: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "krant",
        abstract: "A terminal news reader: headlines, articles, captions and sections.",
        discussion: """
        Run `krant` without a subcommand to open the reader on your store.

        Examples:
          krant import ~/Nieuws feeds.xml   saved articles and feed files
          krant feeds add URL               subscribe to a news feed
          krant fetch                       fetch every subscribed feed
          krant list --unread --limit 20    the 20 newest unread headlines
          krant list --search oekraine      search (accents optional)
          krant show 7 --width 72           article 7 as wrapped text
          krant mark 7 8 --read             mark articles read
          krant config                      the settings, as a config file
          krant sync add URL --user NAME    sync with FreshRSS, Miniflux, …

        Manual: man -l Resources/man/krant.1 (see the README to install it).
        Completions: krant --generate-completion-script bash|zsh|fish
        """,
        version: version,
        subcommands: [ImportCommand.self, ListCommand.self, ShowCommand.self, MarkCommand.self,
                      StarCommand.self, UnstarCommand.self, FeedsCommand.self, FetchCommand.self,
                      IndexCommand.self, CheckCommand.self, RepairCommand.self, SamplesCommand.self,
                      ConfigCommand.self, ImportNewsboatCommand.self, DeleteCommand.self, PurgeCommand.self,
                      SyncCommand.self]
    )

    @OptionGroup var store: StoreOptions

    /// Opens the full-screen reader. The terminal is checked before anything
    /// else, so a bad TERM or a pipe gets a one-line error and an untouched
    /// terminal; a brand-new store gets the bundled sample articles first.
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if let refusal = Terminal.checkUsable(environment: environment) { throw UsageFailure(message: refusal.description) }
        let configuration = try store.configuration()
        // A read-only store is read, and the status bar says so.
        let articles = try store.open(readOnlyAllowed: true)
        do {
            try BundledArticles.importIfNew(into: articles)
        } catch {
            throw CommandFailure(message: "cannot import the sample articles: \(error)")
        }
        let terminal: Terminal
        do {
            terminal = try Terminal.start(environment: environment, theme: configuration.theme,
                                          mouse: configuration.mouse)
        } catch {
            throw UsageFailure(message: error.description)
        }
        let browser = BrowserCommand(configured: configuration.browser, environment: environment)
        ReaderRuntime(store: articles, terminal: terminal,
                      settings: configuration.readerSettings(environment: environment),
                      browser: browser,
                      player: .player(configured: configuration.player, browser: browser),
                      retention: configuration.retention,
                      notify: NotifyCommand(configured: configuration.notify),
                      setTitle: configuration.setTitle,
                      passwordCommand: configuration.passwordCommand).run()
        terminal.stop()
        // Everything is committed. Closing the store now would only
        // checkpoint its write-ahead log, tens of milliseconds of writing
        // between `q` and the shell prompt; the next open does it instead.
        Foundation.exit(0)
    }

    /// Like ArgumentParser's `main()`, but usage errors exit with status 2
    /// (the Unix convention, and what scripts around krant expect) and a
    /// `CommandFailure` prints one `krant:` line and exits with 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            // Nothing starts half-configured: a bad config file stops every
            // command before it does any work.
            // (`krant config --path` answers even then: it says which file to fix.)
            if let configured = command as? any StoreCommand, (command as? ConfigCommand)?.path != true {
                _ = try configured.store.configuration()
            }
            try command.run()
        } catch let failure as ConfigErrors {
            for error in failure.errors { printError("krant: \(error)") }
            Foundation.exit(2)
        } catch let failure as UsageFailure {
            printError("krant: \(failure.message)")
            Foundation.exit(2)
        } catch let failure as CommandFailure {
            printError("krant: \(failure.message)")
            Foundation.exit(1)
        } catch let failure as StoreError {
            // Thrown by a store call in a command (a damaged page it met).
            printError("krant: \(failure.description)")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // The parser's own line breaks print as line breaks; what the
                // user typed is escaped like any text from outside.
                writeError(ParserMessage.displayed(fullMessage(for: error),
                                                   arguments: Array(CommandLine.arguments.dropFirst())))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
