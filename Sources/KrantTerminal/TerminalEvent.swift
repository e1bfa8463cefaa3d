import KrantCore

/// What `Terminal.readKey` delivers: a decoded key, or the terminal's new
/// size after a resize (the caller must re-render at that size).
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}
