/// The question before a whole view longer than a screen is marked read;
/// any answer closes it, so it holds only what it asks about.
public struct MarkAllConfirmation: Hashable, Sendable {
    /// How many unread articles the answer would mark.
    public var count: Int

    public init(count: Int) {
        self.count = count
    }
}
