/// What a key means in a menu or the help screen. Inside a window the keys
/// have their own names (choose, close) instead of borrowing the reader's
/// open and quit, which mean something else there.
public enum MenuAction: Hashable, Sendable {
    case down, up, pageDown, pageUp, top, bottom
    case choose, close

    /// Where a position that may range over `0...last` goes; nil when the
    /// action does not move. Menus move their highlight with it and the help
    /// screen its first line, so both scroll alike.
    func moved(_ position: Int, last: Int, page: Int) -> Int? {
        let last = max(0, last), page = max(1, page)
        switch self {
        case .down: return min(last, position + 1)
        case .up: return max(0, position - 1)
        case .pageDown: return min(last, position + page)
        case .pageUp: return max(0, position - page)
        case .top: return 0
        case .bottom: return last
        case .choose, .close: return nil
        }
    }
}
