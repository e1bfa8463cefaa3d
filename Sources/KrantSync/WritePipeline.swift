import Dispatch
import Foundation

/// Runs writes on one serial queue while the caller prepares the next
/// batch, with at most `depth` batches waiting, so memory stays bounded by a
/// few feeds however many are imported. Results come back in input order.
final class WritePipeline<Result: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "krant.write-pipeline")
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var results: [Result?]

    init(count: Int, depth: Int = 2) {
        results = Array(repeating: nil, count: count)
        slots = DispatchSemaphore(value: depth)
    }

    /// Records a result that needed no write (a file that failed earlier).
    func set(_ index: Int, _ result: Result) {
        lock.withLock { results[index] = result }
    }

    /// Queues a write; blocks while `depth` writes are already waiting.
    func write(_ index: Int, _ body: @escaping @Sendable () -> Result) {
        slots.wait()
        queue.async(group: group) { [self] in
            let result = body()
            set(index, result)
            slots.signal()
        }
    }

    /// Waits for every queued write and returns all results in order.
    func finish() -> [Result] {
        group.wait()
        return lock.withLock { results.map { $0! } }
    }
}
