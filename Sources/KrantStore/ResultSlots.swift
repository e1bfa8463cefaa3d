/// A fixed number of slots that concurrent workers fill, each its own slot.
/// The storage is a raw buffer, not an array property: writing distinct
/// elements of one buffer from several threads is safe, while mutating a
/// class's array property from several threads is an exclusivity violation.
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Fills slot `index`; each index must be set by one worker only.
    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// Every slot, once all workers are done.
    var values: [Value] { slots.map { $0! } }
}
