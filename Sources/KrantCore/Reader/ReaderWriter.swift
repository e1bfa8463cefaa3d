/// Where the reader's writes run. The executable's writer is a serial queue
/// off the main thread, so no key waits on SQLite's write lock (another
/// process may hold it for a whole import batch); tests write at once
/// (`ImmediateWriter`).
///
/// Writes run in the order they are handed over, so a mark made after a
/// mark-all-read is never overtaken by it. A mark (a few rows) may be read
/// back by the very next action, so `waitForMarks` returns once every mark
/// handed over so far is committed (and with it every write before it). A
/// rewrite (a whole view marked read) is waited for by nothing but quitting:
/// the screen already shows its result, and the reader reloads when it
/// reports `.storeChanged`.
public protocol ReaderWriter: Sendable {
    func mark(_ write: @escaping @Sendable () -> Void)
    func rewrite(_ write: @escaping @Sendable () -> Void)
    func waitForMarks()
}

/// Writes at once, on the caller's thread: for tests and measurements, where
/// a key's cost must include its write.
public struct ImmediateWriter: ReaderWriter {
    public init() {}

    public func mark(_ write: @escaping @Sendable () -> Void) { write() }
    public func rewrite(_ write: @escaping @Sendable () -> Void) { write() }
    public func waitForMarks() {}
}
