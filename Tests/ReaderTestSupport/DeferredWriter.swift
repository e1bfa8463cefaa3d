import KrantCore

/// A writer that holds every write until it is waited for, as a busy store
/// would: tests see what the reader does before a write has landed, and
/// that it waits for a mark before reading anything back.
public final class DeferredWriter: ReaderWriter, @unchecked Sendable {
    private var queued: [(isMark: Bool, write: @Sendable () -> Void)] = []
    /// How many times a reader waited for marks while one was still queued.
    public private(set) var waitsForMarks = 0

    public init() {}

    public var pendingWrites: Int { queued.count }

    public func mark(_ write: @escaping @Sendable () -> Void) { queued.append((true, write)) }
    public func rewrite(_ write: @escaping @Sendable () -> Void) { queued.append((false, write)) }

    /// Writes everything up to the last mark, in order.
    public func waitForMarks() {
        guard let last = queued.lastIndex(where: \.isMark) else { return }
        waitsForMarks += 1
        let due = queued[...last]
        queued.removeSubrange(...last)
        for write in due { write.write() }
    }

    /// Writes everything queued, as quitting does.
    public func finish() {
        let due = queued
        queued.removeAll()
        for write in due { write.write() }
    }
}
