import Dispatch

/// Actions that work off the main thread (a write committed, a fetch's
/// progress) posts for the reader to apply: the one way back into `update`,
/// so state still changes in one place only.
public final class ReaderInbox: @unchecked Sendable {
    // Guards `pending` and `running`; a serial queue because the core does
    // not import Foundation for a lock.
    private let lock = DispatchQueue(label: "krant.reader-inbox")
    private var pending: [Action] = []
    private var running = 0

    public init() {}

    /// Background work has started / ended; while any runs, the runtime
    /// wakes often to show its result.
    public func begin() { lock.sync { running += 1 } }
    public func end() { lock.sync { running -= 1 } }
    public var hasWork: Bool { lock.sync { running > 0 || !pending.isEmpty } }

    public func post(_ action: Action) {
        lock.sync { pending.append(action) }
    }

    public func drain() -> [Action] {
        lock.sync {
            defer { pending.removeAll() }
            return pending
        }
    }
}
