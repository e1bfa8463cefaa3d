import ArgumentParser
import Foundation
import KrantCore
import KrantFeeds
import KrantStore
import KrantSync

/// `krant sync`: accounts on aggregator servers that speak the Google Reader
/// API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux), and syncing
/// with them.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync subscriptions, articles and read/starred state with a feed server (Google Reader API).",
        discussion: """
        `krant sync` sends what was done in krant since the last sync (marks,
        subscriptions, renames, moves), then brings the server's subscriptions,
        new articles and read and starred state. Marks made while the server
        is unreachable wait in the store and go with the next sync.

        Examples:
          krant sync add https://rss.example.org/api/greader.php --user anna
          krant sync
          krant sync list
          krant sync remove rss.example.org
        """,
        subcommands: [Run.self, Add.self, List.self, Remove.self],
        defaultSubcommand: Run.self
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Sync every account (the default), or the ones named.",
            discussion: """
            Exit status 1 when an account could not be synced; what was done
            before the failure stays done, and marks not sent stay queued.
            """)

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print nothing but errors.") var quiet = false
        @Argument(help: "Accounts to sync, by name (default: all).") var accounts: [String] = []

        func run() throws {
            let articles = try store.open()
            var selected = try articles.accounts()
            if selected.isEmpty && accounts.isEmpty {
                throw CommandFailure(message: "no sync account (add one with `krant sync add URL --user NAME`)")
            }
            if !accounts.isEmpty {
                selected = try accounts.map { try articles.requireAccount(named: $0) }
            }
            let reports = try SyncCommand.sync(selected, in: articles, options: store, quiet: quiet, mayAsk: true)
            if reports.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account: signs in once to check it; the password is asked for, never an argument.",
            discussion: """
            The URL is the server's Google Reader API: for FreshRSS
            https://HOST/api/greader.php (the site's address alone is tried
            with /api/greader.php too); for Miniflux its address. It must be
            https, except for a server on this machine. FreshRSS wants its
            API password (set in its profile), not the login password.

            Examples:
              krant sync add https://rss.example.org/api/greader.php --user anna
              krant sync add http://127.0.0.1:8080 --user anna --name home
            """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The server's API address.") var url: String
        @Option(help: ArgumentHelp("The user name on the server.", valueName: "name")) var user: String
        @Option(help: ArgumentHelp("What krant calls the account (default: the server's host name).", valueName: "name"))
        var name: String?

        func run() throws {
            let passwords = PasswordSource(command: try store.configuration().passwordCommand, mayAsk: true)
            let articles = try store.open()
            let checked: URL
            switch GoogleReaderClient.checkedURL(url) {
            case .success(let url): checked = url
            case .failure(let error): throw UsageFailure(message: error.description)
            }
            let name = (self.name ?? checked.host ?? "server").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw UsageFailure(message: "an account name cannot be empty") }
            if try articles.account(named: name) != nil {
                throw CommandFailure(message: StoreError.accountExists(name).description + "; give another with --name")
            }
            let password: String
            switch passwords.password(account: name, user: user, url: checked.absoluteString) {
            case .success(let text): password = text
            case .failure(let failure): throw CommandFailure(message: "\(name): \(failure)")
            }
            let user = self.user
            let signedIn = waitFor { await SyncCommand.signIn(at: checked, user: user, password: password) }
            let (apiURL, token): (URL, String)
            switch signedIn {
            case .success(let result): (apiURL, token) = result
            case .failure(let error): throw CommandFailure(message: "\(name): \(error)")
            }
            let account = try articles.addAccount(name: name, url: apiURL.absoluteString, user: user)
            do {
                try SyncTokenFile(storePath: articles.path, account: account).write(token)
            } catch {
                try? articles.removeAccount(named: name)
                throw CommandFailure(message: "cannot save the sign-in token: \(error)")
            }
            print(Sanitizer.escapedForDisplay("added \(name): \(user) at \(apiURL.absoluteString); `krant sync` brings its feeds"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List accounts with their last sync and the marks waiting to be sent.",
            discussion: "Examples:\n  krant sync list\n  krant sync list --json")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            let articles = try store.openForReading()
            let accounts = try articles.accounts()
            let rows = try accounts.map { account in
                AccountJSON(account, waitingMarks: try articles.waitingMarkCount(accountID: account.id),
                            waitingFeedChanges: try articles.feedChanges(accountID: account.id).count)
            }
            if json {
                print(try JSONOutput.string(rows))
                return
            }
            for row in rows {
                print(Sanitizer.escapedForDisplay("\(row.name)  \(row.user) at \(row.url)"))
                var waiting = counted(row.waitingMarks, "mark") + " waiting"
                if row.waitingFeedChanges > 0 { waiting += ", " + counted(row.waitingFeedChanges, "feed change") + " waiting" }
                print(Sanitizer.escapedForDisplay("      last sync: \(row.lastSync ?? "never")\(row.offline ? " (offline)" : "") · \(waiting)"))
                if let status = row.lastStatus { print(Sanitizer.escapedForDisplay("      \(status)")) }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an account; its feeds stay as feeds krant fetches itself unless --delete-feeds.",
            discussion: """
            Marks and feed changes not yet sent are dropped, and the sign-in
            token is deleted. Nothing is changed on the server.

            Examples:
              krant sync remove rss.example.org
              krant sync remove home --delete-feeds
            """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's name (see `krant sync list`).") var name: String
        @Flag(help: "Remove the account's feeds and their articles too.") var deleteFeeds = false

        func run() throws {
            let articles = try store.open()
            let account = try articles.requireAccount(named: name)
            let waiting = try articles.waitingMarkCount(accountID: account.id)
            try articles.removeAccount(named: name, deletingFeeds: deleteFeeds)
            SyncTokenFile(storePath: articles.path, account: account).remove()
            print(Sanitizer.escapedForDisplay("removed \(name)" + (deleteFeeds ? " and its feeds" : "; its feeds stay")
                  + (waiting > 0 ? " (\(counted(waiting, "mark")) not sent)" : "")))
        }
    }

    // MARK: Shared

    /// Syncs accounts one after another, printing each summary (and errors
    /// on standard error); returns the reports.
    static func sync(_ accounts: [SyncAccount], in articles: ArticleStore, options: StoreOptions, quiet: Bool,
                     mayAsk: Bool) throws -> [SyncReport] {
        let configuration = try options.configuration()
        var ingestion = Ingestion(store: articles)
        ingestion.ignoreRules = configuration.ignoreRules
        let passwords = PasswordSource(command: configuration.passwordCommand, mayAsk: mayAsk)
        let showProgress = !quiet && isatty(STDERR_FILENO) != 0
        var reports: [SyncReport] = []
        for account in accounts {
            let credentials = SyncCredentials.forAccount(account, storePath: articles.path, passwords: passwords) {
                printError("krant: \(account.name): \($0)")
            }
            let running = ingestion
            let report = waitFor {
                await running.sync(account, credentials: credentials) { received in
                    if showProgress {
                        FileHandle.standardError.write(Data("\r\(Sanitizer.escapedForDisplay(account.name)): \(received) items\u{1B}[K".utf8))
                    }
                }
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            for refusal in report.refusedFeedChanges { printError("krant: \(account.name): \(refusal)") }
            if report.failure != nil {
                printError("krant: " + Sanitizer.escapedForDisplay(report.summary))
            } else if !quiet {
                print(Sanitizer.escapedForDisplay(report.summary))
            }
            reports.append(report)
        }
        try articles.failIfDamaged()
        let new = reports.reduce(0) { $0 + $1.newArticles }
        if let failure = NotifyCommand(configured: configuration.notify)?.run(count: new, titles: [], quietOutput: false) {
            printError("krant: notify: \(failure)")
        }
        // The first sync of a large account leaves the index to catch up.
        let indexing = try SearchIndexer.catchUp(articles, waiting: false, background: .thisKrant)
        if !quiet { IndexCommand.report(indexing) }
        return reports
    }

    /// Sends what waits for the account (a feed change just made) and says
    /// whether it went or waits for the next sync; never fails the command.
    static func sendQueued(_ account: SyncAccount, in articles: ArticleStore, options: StoreOptions) throws {
        let passwords = PasswordSource(command: try options.configuration().passwordCommand, mayAsk: true)
        let credentials = SyncCredentials.forAccount(account, storePath: articles.path, passwords: passwords) {
            printError("krant: \(account.name): \($0)")
        }
        let ingestion = Ingestion(store: articles)
        let report = waitFor { await ingestion.sendQueued(account, credentials: credentials, timeout: .seconds(10)) }
        let name = Sanitizer.escapedForDisplay(account.name)
        for refusal in report.refusedFeedChanges { printError("krant: \(name): " + Sanitizer.escapedForDisplay(refusal)) }
        if let failure = report.failure {
            print("queued for \(name) (\(Sanitizer.escapedForDisplay(failure.description))); sent with the next `krant sync`")
        } else if report.sentFeedChanges > 0 {
            print("sent to \(name)")
        }
    }

    /// Signs in at `url`; a site address that is not the API is tried again
    /// with FreshRSS's API path. Returns the API's URL and the token.
    static func signIn(at url: URL, user: String, password: String) async -> Result<(URL, String), GoogleReaderError> {
        var candidates = [url]
        if !url.path.hasSuffix(".php") { candidates.append(url.appendingPathComponent("api/greader.php")) }
        var firstError: GoogleReaderError?
        for candidate in candidates {
            do {
                return .success((candidate, try await GoogleReaderClient(url: candidate).login(user: user, password: password)))
            } catch {
                // A site's own pages answer 404 or redirect to a login page.
                switch error {
                case .refused(_, 404, _), .refused(_, 405, _), .redirected: firstError = firstError ?? error
                default: return .failure(error)
                }
            }
        }
        return .failure(firstError ?? .invalidURL(url.absoluteString))
    }
}

extension ArticleStore {
    /// The account a user named, or the one-line failure that says there is none.
    func requireAccount(named name: String) throws -> SyncAccount {
        guard let account = try account(named: name) else {
            throw CommandFailure(message: StoreError.noSuchAccount(name).description)
        }
        return account
    }
}

/// `krant sync list --json`: one object per account.
struct AccountJSON: Encodable {
    var name: String
    var url: String
    var user: String
    var lastSync: String?
    var lastStatus: String?
    var offline: Bool
    var waitingMarks: Int
    var waitingFeedChanges: Int

    init(_ account: SyncAccount, waitingMarks: Int, waitingFeedChanges: Int) {
        name = account.name
        url = account.url
        user = account.user
        lastSync = account.lastSyncAt.map { ISO8601DateFormatter().string(from: $0) }
        lastStatus = account.lastStatus
        offline = account.isOffline
        self.waitingMarks = waitingMarks
        self.waitingFeedChanges = waitingFeedChanges
    }
}
