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
        _ = driver.send(.resized(width: size.width, height: size.height))
        var changeCounter = (try? store.externalChangeCounter()) ?? 0
        let inbox = RuntimeInbox()

        while true {
            for action in inbox.drain() { _ = driver.send(action) }
            terminal.draw(ReaderRenderer.render(driver.state))
            // While a fetch runs, wake often to show its progress.
            let timeout = driver.state.fetchProgress == nil ? Self.pollInterval : 100
            guard let event = terminal.readKey(timeoutMilliseconds: timeout) else {
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
                case .openURL(let url):
                    let failure = terminal.suspend { BrowserLauncher.open(url, environment: environment) }
                    if let failure { _ = driver.send(.failed(failure)) }
                default:
                    break
                }
            }
        }
    }

    /// Fetches every feed on a background task; progress and the result come
    /// back through the inbox, so the screen stays responsive meanwhile.
    private func startFetch(reportingTo inbox: RuntimeInbox) {
        let store = self.store
        Task.detached {
            let feeds = (try? store.feeds()) ?? []
            let results = await FeedSync(store: store).refresh(feeds) { done, total in
                inbox.post(.fetchProgress(done: done, total: total))
            }
            inbox.post(.fetchFinished(feeds: results.count, newArticles: results.reduce(0) { $0 + $1.newArticles },
                                      failed: results.count { $0.failure != nil }))
        }
    }
}

/// Actions posted by background work for the main loop to apply.
final class RuntimeInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []

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
