import Dispatch
import Foundation
import KrantCore

/// The reader's writes, run one after another off the main thread, so no key
/// waits on SQLite's write lock (another process may hold it for a whole
/// import batch). Serial: a mark made after a mark-all-read is written
/// after it, so `A` never overtakes it.
final class StoreWriteQueue: ReaderWriter {
    private let queue = DispatchQueue(label: "krant.reader-writes", qos: .userInitiated)
    private let everything = DispatchGroup()
    private let marks = DispatchGroup()
    private let pending = PendingCount()

    func mark(_ write: @escaping @Sendable () -> Void) {
        marks.enter()
        pending.add(1)
        queue.async(group: everything) { [marks, pending] in
            write()
            pending.add(-1)
            marks.leave()
        }
    }

    func rewrite(_ write: @escaping @Sendable () -> Void) {
        pending.add(1)
        queue.async(group: everything) { [pending] in
            write()
            pending.add(-1)
        }
    }

    /// Whether a write is queued or running: then the store's writer
    /// connection is taken, and asking it anything would wait.
    var isWriting: Bool { pending.value > 0 }

    /// Returns when every mark asked for so far is committed (and, the queue
    /// being serial, every write before it), but not a rewrite asked for
    /// after the last mark.
    func waitForMarks() {
        marks.wait()
    }

    /// Returns when every write asked for so far is done.
    func waitUntilDone() {
        everything.wait()
    }
}

/// A counter shared with the queue's blocks.
private final class PendingCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ change: Int) { lock.withLock { count += change } }
    var value: Int { lock.withLock { count } }
}
