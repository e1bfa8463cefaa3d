/// A read or starred change made in krant, waiting for the server.
public struct WaitingMark: Sendable, Hashable {
    public enum Flag: Sendable { case read, starred }
    /// The server's item.
    public var itemID: Int64
    public var flag: Flag
    public var value: Bool

    public init(itemID: Int64, flag: Flag, value: Bool) {
        self.itemID = itemID
        self.flag = flag
        self.value = value
    }
}
