import Dispatch

/// The reader's long writes (marking a whole view read), run one after
/// another off the main thread, so the keys do not wait for them; a mark
/// made meanwhile waits (`waitUntilDone`), so `A` never overtakes it.
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
