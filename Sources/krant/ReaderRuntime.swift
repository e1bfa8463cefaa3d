import Foundation
import KrantConfig
import KrantCore
import KrantStore
import KrantSync
import KrantTerminal

/// The reader's main loop: draw the state, wait for a key (or a resize, or a
/// change by another process), send it through the keymap and `update`, and
/// carry out what only the outside world can do (open a browser, quit).
struct ReaderRuntime {
    let store: ArticleStore
    let terminal: Terminal
    let settings: ReaderSettings
    let browser: BrowserCommand
    /// Opens enclosures: the config file's `player`, else the browser.
    var player: BrowserCommand?
    /// The config file's `[retention]`, applied after each fetch.
    var retention = RetentionSettings()
    /// Run after a fetch that brought new articles (`notify`).
    var notify: NotifyCommand? = nil
    /// Whether the terminal's title shows the unread count (`set_title`).
    var setTitle = false
    /// The config file's `password_command`: the reader cannot ask on the
    /// terminal, so only this can sign in to a sync account again.
    var passwordCommand: [String]? = nil

    /// How often the store is checked for articles added by another process.
    static let pollInterval: Int32 = 1000

    func run() {
        let size = terminal.size
        let inbox = ReaderInbox()
        let writes = StoreWriteQueue()
        let start = HeadlineQuery(unreadOnly: settings.layout.startUnreadOnly)
        var driver = ReaderDriver(state: ReaderState(width: size.width, height: size.height, query: start, settings: settings),
                                  source: store, writer: writes, inbox: inbox)
        if store.isReadOnly { _ = driver.send(.storeReadOnly) }
        _ = driver.send(.resized(width: size.width, height: size.height))
        var changeCounter = (try? store.externalChangeCounter()) ?? 0
        // Quitting waits for writes still running, so `q` right after `A`
        // (or right after opening an article) loses nothing.
        defer { writes.waitUntilDone() }
        // Another krant's index is being built anew (README: Architecture):
        // said once, since search finds less until it is done.
        if (try? store.isRebuildingSearchIndex()) == true {
            let waiting = (try? store.searchBacklog()) ?? 0
            _ = driver.send(.notice(driver.state.text.rebuildingSearchIndex(waiting: waiting)))
        }
        // An import's indexer that did not finish (killed, or the machine
        // restarted) is started again, in a process of its own; so is the
        // rebuild of an index another krant built. Not in a store it
        // cannot write.
        let indexer = store.isReadOnly ? nil : SearchIndexer.Background.thisKrant
        if let indexer { SearchIndexer.startIfNeeded(for: store, background: indexer) }
        var backlog: (waitingMarks: Int, offline: Bool) = (0, false)
        /// The status bar says "offline: N marks waiting" while the last
        /// sync could not reach the server (also of an account added while
        /// the reader is open); a count of a small table.
        func showSyncBacklog() {
            guard let now = try? store.syncBacklog() else { return }
            if backlog != now {
                backlog = now
                _ = driver.send(.syncBacklog(waitingMarks: now.waitingMarks, offline: now.offline))
            }
        }
        showSyncBacklog()

        while true {
            // The time first, so a fetch's end found in the inbox is dated now.
            for effect in driver.send(.tick(ReaderClock.now())) where effect == .fetchFeeds {
                startFetch(reportingTo: inbox, indexer: indexer, text: driver.state.text)
            }
            for action in inbox.drain() { _ = driver.send(action) }
            // Damage found by any read or write (also a mark on the writer's
            // thread, or a fetch) is said from then on.
            if driver.state.storeDamage == nil, let damage = store.damage {
                _ = driver.send(.storeDamaged(damage.description))
            }
            terminal.draw(ReaderRenderer.render(driver.state))
            if setTitle, let unread = driver.storeUnread() { terminal.setTitle(driver.state.terminalTitle(unread: unread)) }
            // No key waits for the marks the last keys made: they are written
            // off this thread, and only what reads the store back (a window,
            // counts, the next unread) waits for them, in the reader's data
            // layer, so it shows them. Quitting waits for every write.
            // While a fetch or a long write runs, wake often to show its result.
            let busy = driver.state.fetchProgress != nil || inbox.hasWork
            let timeout = busy ? 50 : Self.pollInterval
            guard let event = terminal.readKey(timeoutMilliseconds: timeout) else {
                // Our own fetch, mark-all-read or marks hold the store's
                // writer connection, which the change counter is read on
                // (and which may wait for another process's write lock);
                // each reports its end itself, so the keys need not wait.
                if busy || writes.isWriting { continue }
                showSyncBacklog()
                let counter = (try? store.externalChangeCounter()) ?? changeCounter
                if counter != changeCounter {
                    changeCounter = counter
                    _ = driver.send(.storeChanged)
                }
                continue
            }
            let effects: [Effect]
            switch event {
            case .resize(let width, let height):
                effects = driver.send(.resized(width: width, height: height))
            case .key(let key):
                guard let action = driver.state.settings.keymap.action(for: key, in: driver.state) else { continue }
                effects = driver.send(action)
            case .mouse(let event):
                effects = driver.send(.mouse(event))
            }
            for effect in effects {
                switch effect {
                case .quit:
                    return
                case .fetchFeeds:
                    startFetch(reportingTo: inbox, indexer: indexer, text: driver.state.text)
                case .openURL(let url):
                    let text = driver.state.text
                    let failure = terminal.suspend { browser.open(url, text: text) }
                    if let failure { _ = driver.send(.failed(failure)) }
                case .openEnclosure(let url):
                    let text = driver.state.text
                    let failure = terminal.suspend { (player ?? browser).open(url, text: text) }
                    if let failure { _ = driver.send(.failed(failure)) }
                default:
                    break
                }
            }
        }
    }

    /// Fetches every feed on a background task; progress and the result come
    /// back through the inbox, so the screen stays responsive meanwhile.
    private func startFetch(reportingTo inbox: ReaderInbox, indexer: SearchIndexer.Background?, text: UIText) {
        let (store, retention, notify) = (self.store, self.retention, self.notify)
        let passwords = PasswordSource(command: passwordCommand, mayAsk: false)
        let ignoreRules = settings.ignoreRules
        if case .readOnly(let reason) = store.access {
            inbox.post(.fetchFinished(feeds: 0, newArticles: 0, failed: 0))
            inbox.post(.failed(StoreError.readOnly(path: store.path, reason: reason).description))
            return
        }
        Task.detached {
            let feeds: [FeedSubscription]
            let accounts: [SyncAccount]
            let syncedFeeds: Int
            do {
                // A sync account's feeds come from its server.
                let synced = try store.syncedFeedIDs()
                syncedFeeds = synced.count
                feeds = try store.feeds().filter { !synced.contains($0.id) }
                accounts = try store.accounts()
            } catch {
                inbox.post(.fetchFinished(feeds: 0, newArticles: 0, failed: 0))
                inbox.post(.failed(text.fetchFailed(StoreError.reason(for: error))))
                return
            }
            var ingestion = Ingestion(store: store)
            ingestion.ignoreRules = ignoreRules
            let total = feeds.count + accounts.count
            let results = await ingestion.refresh(feeds) { done, _ in
                inbox.post(.fetchProgress(done: done, total: total))
            }
            var synced: [SyncReport] = []
            for account in accounts {
                let credentials = SyncCredentials.forAccount(account, storePath: store.path, passwords: passwords)
                synced.append(await ingestion.sync(account, credentials: credentials))
                inbox.post(.fetchProgress(done: feeds.count + synced.count, total: total))
            }
            // Before the reader hears of the fetch, so its reload shows both.
            let removed = Result { try Retention.apply(retention, to: store) }
            if let indexer { SearchIndexer.startIfNeeded(for: store, background: indexer) }
            let new = results.reduce(0) { $0 + $1.newArticles } + synced.reduce(0) { $0 + $1.newArticles }
            let failed = results.count { $0.failure != nil } + synced.count { $0.failure != nil }
            // Feeds, not accounts: "Fetched 12 feeds" counts the synced ones.
            let fetchedFeeds = feeds.count + syncedFeeds
            inbox.post(.fetchFinished(feeds: fetchedFeeds, newArticles: new, failed: failed))
            for report in synced {
                if let failure = report.failure {
                    inbox.post(.failed(text.syncFailed(account: report.account, failure.description)))
                }
            }
            switch removed {
            // Only when something went: an automatic fetch stays quiet otherwise.
            case .success(let count?) where count > 0:
                inbox.post(.notice(text.fetched(feeds: fetchedFeeds, newArticles: new, failed: failed)
                                   + ", " + text.oldArticlesRemoved(count)))
            case .failure(let error):
                inbox.post(.failed(text.deleteFailed(StoreError.reason(for: error))))
            default:
                break
            }
            if let failure = notify?.run(count: new, titles: results.flatMap(\.newTitles), quietOutput: true) {
                inbox.post(.failed(text.notifyFailed(failure)))
            }
            // glibc keeps the pages a fetch freed for the next allocation;
            // a reader that stays open should give them back.
            ReleaseFreedMemory.now()
        }
    }
}
