import KrantCore

/// What `Terminal.readKey` delivers: a decoded key, a click or wheel turn,
/// or the terminal's new size after a resize (the caller must re-render at
/// that size).
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}
