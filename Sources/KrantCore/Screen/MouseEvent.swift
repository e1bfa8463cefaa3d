/// A mouse event as the reader understands it, decoded by the terminal
/// backend: a press of the first button or a turn of the wheel, at a cell of
/// the screen (0-based, as `CellBuffer` counts).
///
/// Only presses are reported, not clicks: a click is only known once the
/// release arrives, and waiting for it would make the reader feel slow.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
