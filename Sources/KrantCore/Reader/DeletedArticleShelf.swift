import Foundation

/// Where the reader's data layer keeps the last delete for undo. The delete
/// runs on the writer's thread and fills it; the undo, queued after it on
/// the same writer, takes it. Only the last delete is kept: undo is offered
/// until the next action.
final class DeletedArticleShelf<Deleted: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (ids: [Int64], deleted: Deleted)?

    func keep(_ deleted: Deleted, for ids: [Int64]) {
        lock.withLock { last = (ids, deleted) }
    }

    func take(_ ids: [Int64]) -> Deleted? {
        lock.withLock {
            guard let last, last.ids == ids else { return nil }
            self.last = nil
            return last.deleted
        }
    }
}
