import CNcursesw
import KrantCore

/// Maps what `get_wch` returns to a `Key`. Kept apart from `Terminal` so the
/// mapping is tested without a terminal.
public enum KeyDecoder {
    /// `code` is the value `get_wch` stored; `isFunctionKey` is true when it
    /// returned `KEY_CODE_YES` (a `KEY_*` code rather than a character).
    /// Returns nil for codes the reader has no use for.
    public static func key(code: Int32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? functionKey(code) : character(code)
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case nc_key_f(1)...nc_key_f(63): .function(Int(code - nc_key_f(0)))
        default: nil
        }
    }

    private static func character(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        // Ctrl-H is what many terminals send for Backspace.
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .character(Character(scalar))
        }
    }
}
