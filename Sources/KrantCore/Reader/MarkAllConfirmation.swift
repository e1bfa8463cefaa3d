/// The question before a whole view longer than a screen is marked read.
public struct MarkAllConfirmation: Hashable, Sendable {
    /// How many unread articles the answer would mark.
    public var count: Int

    public init(count: Int) {
        self.count = count
    }

    /// True when the user said yes. A question has no other state: any
    /// answer closes it.
    func update(_ confirmed: Bool) -> Bool { confirmed }
}
