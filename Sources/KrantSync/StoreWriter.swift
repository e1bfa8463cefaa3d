import Dispatch
import Foundation

/// The pipeline's one writer: every write of an ingestion runs here, one
/// after another on a serial queue, while the caller reads and parses the
/// next input on every core. At most `depth` writes are queued or running,
/// so memory stays bounded by a few feeds however many are imported: with
/// one, a 50,000-item import of 10 feeds peaks at 122 MiB; with two, one
/// more feed waited and it peaked at 155 MiB, no faster (writing is the
/// slower step). Results come back in input order.
///
/// SQLite has one writer per store anyway; writing from one place keeps an
/// ingestion's transactions in input order and lets parsing overlap them
/// (running two files side by side kept them in step, both converting and
/// then both waiting to write, with a core idle half the time).
final class StoreWriter<Result: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "krant.store-writer")
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var results: [Result?]

    init(count: Int, depth: Int = 1) {
        results = Array(repeating: nil, count: count)
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues a write whose result is the `index`th; blocks while `depth`
    /// writes are already waiting.
    func write(_ index: Int, _ body: @escaping @Sendable () -> Result) {
        perform { [self] in
            let result = body()
            lock.withLock { results[index] = result }
        }
    }

    /// Queues a write that is part of a result (a batch of a feed's items),
    /// in order with the others; blocks while `depth` writes are waiting.
    func perform(_ body: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async(group: group) { [self] in
            body()
            slots.signal()
        }
    }

    /// `perform` for async code: the wait for a free slot happens off the
    /// concurrency pool's few threads, which other tasks need meanwhile.
    func performWithoutBlocking(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [self] in
                perform(body)
                done.resume()
            }
        }
    }

    /// Waits, off the concurrency pool, for every queued write.
    func finishWithoutBlocking() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [self] in
                group.wait()
                done.resume()
            }
        }
    }

    /// Waits for every queued write and returns all results in order.
    func finish() -> [Result] {
        group.wait()
        return lock.withLock { results.map { $0! } }
    }
}
