import Foundation

/// Progress callbacks as `fetchAll` made them.
final class FetchProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(done: Int, total: Int)] = []

    var calls: [(done: Int, total: Int)] { lock.withLock { log } }

    func append(_ done: Int, _ total: Int) { lock.withLock { log.append((done, total)) } }
}
