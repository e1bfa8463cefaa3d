/// The help window: the reader's keys, scrolled with the menus' keys.
public struct HelpScreen: Hashable, Sendable {
    /// The first binding shown.
    public var top: Int

    public init(top: Int = 0) {
        self.top = top
    }

    /// Scrolls so that the last page stays full; returns false once closed
    /// (any key that is not a movement closes help, as Enter always did).
    mutating func update(_ action: MenuAction, lines: Int, visibleRows: Int) -> Bool {
        guard let moved = action.moved(top, last: lines - visibleRows, page: visibleRows) else { return false }
        top = moved
        return true
    }
}
