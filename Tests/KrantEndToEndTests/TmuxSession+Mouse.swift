import Foundation

/// Real mouse input for the program in the pane.
///
/// A detached session has no client whose mouse tmux could pass on, and
/// `send-keys -M` only replays the mouse event that triggered a key binding
/// of a client; so these write the bytes a terminal sends for the mouse to
/// the pane, as keys (`send-keys -H`: hex, so that no byte is taken for a key
/// name). tmux passes them through as they are.
///
/// The encoding must be the one the program asked for. ncurses 6.4 with
/// TERM=tmux-256color (terminfo `kmous=\E[M`) turns on X10 mouse reporting
/// (`ESC [ ? 1000 h`) and decodes only X10 reports: `ESC [ M`, then the
/// button, the column and the row, each plus 32, column and row counted from
/// 1 (so at most 223). SGR reports (`ESC [ < 0 ; x ; y M`) reach it as
/// plain keys. tmux's `mouse_any_flag` says whether the pane asked for
/// mouse reporting.
extension TmuxSession {
    /// X10 button codes: press of button 1, release (of any button), and the
    /// wheel, which is buttons 4 and 5.
    enum MouseReport: UInt8 {
        case press = 0
        case release = 3
        case wheelUp = 64
        case wheelDown = 65
    }

    /// A click at column `x`, row `y` (from 0): press and release, as a
    /// terminal sends them. ncurses takes a second press with no release
    /// between as a drag, not as another click.
    func click(x: Int, y: Int) throws {
        try sendMouse([.press, .release], x: x, y: y)
    }

    func wheel(up: Bool, x: Int, y: Int) throws {
        try sendMouse([up ? .wheelUp : .wheelDown], x: x, y: y)
    }

    /// Whether the program in the pane has asked for mouse reports.
    var reportsMouse: Bool {
        get throws { try display("#{mouse_any_flag}") == "1" }
    }

    private func sendMouse(_ reports: [MouseReport], x: Int, y: Int) throws {
        guard (0..<223).contains(x), (0..<223).contains(y) else {
            throw Failure(description: "X10 mouse reports cannot reach column \(x), row \(y)")
        }
        for report in reports {
            // One report per command, so none is split between two writes.
            let hex = [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), 32 + report.rawValue, UInt8(33 + x), UInt8(33 + y)]
                .map { String(format: "%02x", $0) }
            // -H after the target: `sendKeys` passes "-t ui" first.
            try sendKeys("-H", hex[0], hex[1], hex[2], hex[3], hex[4], hex[5])
        }
    }
}
