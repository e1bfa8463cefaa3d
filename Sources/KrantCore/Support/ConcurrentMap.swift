import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, results in order. For CPU-bound work on items
    /// that share nothing (turning feed items' HTML into articles).
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let output = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        output.initialize(repeating: nil)
        defer {
            output.deinitialize()
            output.deallocate()
        }
        let slots = SendableBuffer(output)
        self.withUnsafeBufferPointer { input in
            let source = SendableBuffer(UnsafeMutableBufferPointer(mutating: input))
            // Chunks of items, not single items, so dispatch costs stay small.
            let chunk = Swift.max(1, count / 64)
            let chunks = (count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                for position in (index * chunk)..<Swift.min(source.buffer.count, (index + 1) * chunk) {
                    slots.buffer[position] = transform(source.buffer[position])
                }
            }
        }
        return output.map { $0! }
    }
}

/// A buffer handed to concurrent workers that each touch their own elements.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
