import Foundation
import KrantCore
import KrantStore
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

        while true {
            terminal.draw(ReaderRenderer.render(driver.state))
            guard let event = terminal.readKey(timeoutMilliseconds: Self.pollInterval) else {
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
                case .openURL(let url):
                    let failure = terminal.suspend { BrowserLauncher.open(url, environment: environment) }
                    if let failure { _ = driver.send(.failed(failure)) }
                default:
                    break
                }
            }
        }
    }
}
