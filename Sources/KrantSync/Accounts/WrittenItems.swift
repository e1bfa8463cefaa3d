import Foundation
import KrantStore

/// What the writer stored of a sync's items, and the first failure, which
/// stops further batches.
final class WrittenItems: @unchecked Sendable {
    private let lock = NSLock()
    private var inserted = 0
    private var adopted = 0
    private(set) var failure: (any Error)?

    var failed: Bool { lock.withLock { failure != nil } }

    func record(_ write: () throws -> SyncedItemsReport) {
        guard !failed else { return }
        do {
            let report = try write()
            lock.withLock {
                inserted += report.inserted.count
                adopted += report.adopted
            }
        } catch {
            lock.withLock { failure = error }
        }
    }

    func add(to report: inout SyncReport) {
        lock.withLock {
            report.newArticles += inserted
            report.matchedArticles += adopted
        }
    }
}
