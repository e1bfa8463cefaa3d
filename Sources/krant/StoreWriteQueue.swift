import Dispatch
import KrantCore

/// The reader's writes, run one after another off the main thread, so no key
/// waits on SQLite's write lock (another process may hold it for a whole
/// import batch). Serial: a mark made after a mark-all-read is written
/// after it, so `A` never overtakes it.
final class StoreWriteQueue: ReaderWriter {
    private let queue = DispatchQueue(label: "krant.reader-writes", qos: .userInitiated)
    private let everything = DispatchGroup()
    private let marks = DispatchGroup()

    func mark(_ write: @escaping @Sendable () -> Void) {
        marks.enter()
        queue.async(group: everything) { [marks] in
            write()
            marks.leave()
        }
    }

    func rewrite(_ write: @escaping @Sendable () -> Void) {
        queue.async(group: everything, execute: write)
    }

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
