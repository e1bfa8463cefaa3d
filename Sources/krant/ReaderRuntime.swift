import Foundation
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
    let environment: [String: String]

    /// How often the store is checked for articles added by another process.
    static let pollInterval: Int32 = 1000

    func run() {
        let size = terminal.size
        var driver = ReaderDriver(state: ReaderState(width: size.width, height: size.height), source: store)
        driver.writesInBackground = true
        let writes = StoreWriteQueue()
        // A mark is written before the screen shows it (a reader killed a
        // moment later keeps it), after any mark-all-read still being written.
        driver.beforeMarking = { writes.waitUntilDone() }
        _ = driver.send(.resized(width: size.width, height: size.height))
        var changeCounter = (try? store.externalChangeCounter()) ?? 0
        let inbox = RuntimeInbox()
        // Quitting waits for marks still being written, so `q` right after
        // `A` loses nothing.
        defer { writes.waitUntilDone() }
        // An import's indexer that did not finish (killed, or the machine
        // restarted) is started again, in a process of its own.
        SearchIndexer.startIfNeeded(for: store)

        while true {
            for action in inbox.drain() { _ = driver.send(action) }
            terminal.draw(ReaderRenderer.render(driver.state))
            // While a fetch or a write runs, wake often to show its result.
            let busy = driver.state.fetchProgress != nil || inbox.hasWork
            let timeout = busy ? 50 : Self.pollInterval
            guard let event = terminal.readKey(timeoutMilliseconds: timeout) else {
                // Our own fetch or mark-all-read holds the store's writer
                // connection, which the change counter is read on; each
                // reports its end itself, so the keys need not wait for it.
                if busy { continue }
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
                guard let action = Keymap.action(for: key, in: driver.state) else { continue }
                effects = driver.send(action)
            }
            for effect in effects {
                switch effect {
                case .quit:
                    return
                case .fetchFeeds:
                    startFetch(reportingTo: inbox)
                case .markAllRead(let query):
                    markAllRead(query, reportingTo: inbox, on: writes)
                case .openURL(let url):
                    let failure = terminal.suspend { BrowserLauncher.open(url, environment: environment) }
                    if let failure { _ = driver.send(.failed(failure)) }
                default:
                    break
                }
            }
        }
    }

    /// Marks a view read off the main thread: thousands of rows are
    /// rewritten, and the keys must not wait for it. The screen already
    /// shows them read; `.storeChanged` reloads the view once committed.
    private func markAllRead(_ query: HeadlineQuery, reportingTo inbox: RuntimeInbox, on writes: StoreWriteQueue) {
        let store = self.store
        inbox.begin()
        writes.perform {
            if (try? store.markAllRead(query)) == nil { inbox.post(.failed("Could not mark the articles read")) }
            // Reloaded either way: on failure the screen must stop showing them read.
            inbox.post(.storeChanged)
            inbox.end()
        }
    }

    /// Fetches every feed on a background task; progress and the result come
    /// back through the inbox, so the screen stays responsive meanwhile.
    private func startFetch(reportingTo inbox: RuntimeInbox) {
        let store = self.store
        Task.detached {
            let feeds = (try? store.feeds()) ?? []
            let results = await Ingestion(store: store).refresh(feeds) { done, total in
                inbox.post(.fetchProgress(done: done, total: total))
            }
            SearchIndexer.startIfNeeded(for: store)
            inbox.post(.fetchFinished(feeds: results.count, newArticles: results.reduce(0) { $0 + $1.newArticles },
                                      failed: results.count { $0.failure != nil }))
        }
    }
}

/// Actions posted by background work for the main loop to apply.
final class RuntimeInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    private var running = 0

    /// Background work has started / ended; while any runs, the loop polls often.
    func begin() { lock.withLock { running += 1 } }
    func end() { lock.withLock { running -= 1 } }
    var hasWork: Bool { lock.withLock { running > 0 || !pending.isEmpty } }

    func post(_ action: Action) {
        lock.withLock { pending.append(action) }
    }

    func drain() -> [Action] {
        lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }
}
