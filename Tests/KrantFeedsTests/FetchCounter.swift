import Foundation

/// A counter shared between server threads and the test.
final class FetchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    @discardableResult
    func add(_ amount: Int) -> Int { lock.withLock { count += amount; return count } }

    func raise(to candidate: Int) { lock.withLock { count = max(count, candidate) } }
}
