import CNcursesw
import KrantCore

/// Maps what `getmouse` reports to a `MouseEvent`. Kept apart from
/// `Terminal` so the mapping is tested without a terminal.
public enum MouseDecoder {
    /// What the reader asks ncurses for: presses of the first button (a
    /// click would only be known once the release comes) and the wheel.
    /// Releases, drags and the other buttons are not reported at all.
    public static let mask: mmask_t = NC_BUTTON1_PRESSED | NC_BUTTON4_PRESSED | NC_BUTTON5_PRESSED

    /// `x`, `y` and `buttons` are an `MEVENT`'s fields; nil for anything
    /// the reader has no use for.
    public static func event(x: Int32, y: Int32, buttons: mmask_t) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let kind: MouseEvent.Kind
        if buttons & NC_BUTTON4_PRESSED != 0 {
            kind = .wheelUp
        } else if buttons & NC_BUTTON5_PRESSED != 0 {
            kind = .wheelDown
        } else if buttons & NC_BUTTON1_PRESSED != 0 {
            kind = .click
        } else {
            return nil
        }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }
}
