/// One terminal cell: a grapheme cluster (or nothing, for the right half of a
/// two-column character) and the role it is drawn in.
public struct Cell: Hashable, Sendable {
    /// The cluster drawn here; empty for the second column of a wide cluster.
    public var text: String
    /// 1 or 2 for a cell that starts a cluster, 0 for a continuation cell.
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static let blank = Cell(text: " ", width: 1, role: .normal)

    public var isContinuation: Bool { width == 0 }
}
