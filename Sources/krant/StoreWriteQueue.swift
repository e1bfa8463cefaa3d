import Dispatch

/// The reader's writes, run one after another off the main thread, in the
/// order the keys asked for them: a key never waits for the store's write
/// lock (an import or the search indexer may hold it), and a mark made after
/// `A` is never overtaken by it.
final class StoreWriteQueue: Sendable {
    private let queue = DispatchQueue(label: "krant.reader-writes", qos: .userInitiated)
    private let group = DispatchGroup()

    func perform(_ work: @escaping @Sendable () -> Void) {
        queue.async(group: group, execute: work)
    }

    /// Returns when every write asked for so far is done.
    func waitUntilDone() {
        group.wait()
    }
}
