/// The bytes that set the terminal's title (OSC 2) and save and restore the
/// title the terminal had (xterm's title stack, CSI 22/23 t, which tmux,
/// xterm, VTE and kitty keep; others ignore it).
///
/// Only printable ASCII goes into a title: krant writes its own words and
/// digits there, and a stray control byte (BEL or ESC would end the
/// sequence early) or a letter outside ASCII is dropped rather than
/// trusted to every terminal.
public enum TerminalTitle {
    public static let push = "\u{1B}[22;0t"
    public static let pop = "\u{1B}[23;0t"

    public static func set(_ title: String) -> String {
        "\u{1B}]2;" + safe(title) + "\u{1B}\\"
    }

    /// The title with everything but printable ASCII dropped.
    public static func safe(_ title: String) -> String {
        String(String.UnicodeScalarView(title.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }))
    }
}
