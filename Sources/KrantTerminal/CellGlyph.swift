import KrantCore

/// How one cell's grapheme cluster reaches the terminal.
///
/// ncurses keeps one spacing character and at most four zero-width ones in a
/// cell (`setcchar` stops at the second spacing scalar) and advances its
/// cursor by the C library's `wcwidth`. So it cannot hold a flag (two
/// regional indicators), an emoji with a skin-tone modifier or a ZWJ
/// sequence: it showed 🇻 and a blank, 👍 and 👨 for 🇻🇳, 👍🏽 and 👨‍👩‍👧. And a
/// cluster `wcwidth` sizes differently from `DisplayWidth` (❤️ is 1 to the C
/// library, 2 to terminals that honour U+FE0F) moves its cursor off the
/// terminal's.
///
/// Measured (issue 11 §7) by writing `A`, the cluster and `B` and asking for
/// the cursor: tmux 3.3a gives 🇻🇳 2 columns (two 1-column cells), 👍🏽 4 (the
/// modifier is a cell of its own), 👨‍👩‍👧 2 and ❤️ 1; xterm 379 draws scalar by
/// scalar: 🇻🇳 2, 👍🏽 4, 👨‍👩‍👧 6, ❤️ 1. Terminals that segment clusters
/// (kitty, WezTerm, foot, Ghostty, iTerm2) draw each in 2 columns.
///
/// So such a cluster is written whole by the backend itself (`direct`), over
/// blanks ncurses holds, after every update: a terminal that segments
/// clusters shows the flag, the toned thumb or the family in the cluster's
/// two columns, as `DisplayWidth` counts it. One that draws scalar by scalar
/// runs past them, so the cells after the cluster, up to `reach`, are
/// written again at their own positions over what it drew there; what is
/// left is the first emoji (👍, 👨) and the line does not shift. A flag is two
/// 1-column regional indicators on both measured terminals, so never runs
/// over; xterm draws them as two symbols, not a flag. Showing every flag as
/// its letters (`VN`) would read better there but take the flag from every
/// terminal that can draw it, so that fallback, like the first emoji alone,
/// is only drawn (by ncurses, padded to the cluster's width) where the
/// overrun would pass the right edge and wrap.
struct CellGlyph: Equatable {
    /// What ncurses holds from the cell's column on: ncurses characters (a
    /// spacing scalar and zero-width ones) that by `wcwidth` fill exactly the
    /// cell's width.
    var curses: [[Unicode.Scalar]]
    /// The whole cluster, written directly over the blanks in `curses`; nil
    /// when ncurses holds the cluster itself.
    var direct: [Unicode.Scalar]?
    /// Columns a terminal drawing `direct` scalar by scalar covers, at least
    /// the cell's width.
    var reach: Int

    /// ncurses' `CCHARW_MAX`: scalars one ncurses cell holds.
    static let cursesScalarLimit = 5

    init(curses: [[Unicode.Scalar]], direct: [Unicode.Scalar]?, reach: Int) {
        self.curses = curses
        self.direct = direct
        self.reach = reach
    }

    /// - room: columns from the cell's to the last one a direct write may
    ///   cover.
    /// - scalarWidth: the C library's `wcwidth` (negative: unprintable),
    ///   which ncurses and scalar-by-scalar terminals go by.
    init(cell: Cell, room: Int, scalarWidth: (Unicode.Scalar) -> Int) {
        let width = max(1, Int(cell.width))
        reach = width
        direct = nil
        // Most cells hold one printable ASCII byte: skip the general checks.
        if width == 1, cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte >= 0x20, byte < 0x7F {
            curses = [[Unicode.Scalar(byte)]]
            return
        }
        let scalars = Array(cell.text.unicodeScalars)
        guard let first = scalars.first else {
            curses = Self.blanks(width)
            return
        }
        // Sanitising keeps controls out of the buffer; should one get here,
        // it never reaches the terminal, through ncurses or directly.
        if scalars.contains(where: Self.isControl) || scalarWidth(first) < 0 {
            curses = [["\u{FFFD}"]] + Self.blanks(width - 1)
            return
        }
        let held = scalars.count <= Self.cursesScalarLimit
            && scalarWidth(first) == width
            && scalars.dropFirst().allSatisfy { scalarWidth($0) == 0 }
        if held {
            curses = [scalars]
            return
        }
        let overrun = scalars.reduce(0) { total, scalar in
            let columns = scalarWidth(scalar)
            // Unknown to the C library: a terminal may give it two columns.
            return total + (columns < 0 ? 2 : columns)
        }
        if max(width, overrun) <= room {
            curses = Self.blanks(width)
            direct = scalars
            reach = max(width, overrun)
        } else {
            curses = Self.fallback(scalars, width: width, scalarWidth: scalarWidth)
        }
    }

    /// C0, DEL and C1: a terminal would act on them.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    private static func blanks(_ count: Int) -> [[Unicode.Scalar]] {
        Array(repeating: [" "], count: max(0, count))
    }

    /// A stand-in ncurses holds in `width` columns: a flag's letters, or the
    /// first scalar with the marks after it (never a variation selector,
    /// joiner or tag, which would ask a terminal for an emoji again).
    private static func fallback(_ scalars: [Unicode.Scalar], width: Int,
                                 scalarWidth: (Unicode.Scalar) -> Int) -> [[Unicode.Scalar]] {
        let letters = scalars.compactMap(regionalIndicatorLetter)
        if letters.count == scalars.count, letters.count <= width {
            return letters.map { [$0] } + blanks(width - letters.count)
        }
        let first = scalars[0]
        let firstWidth = scalarWidth(first)
        guard firstWidth >= 1, firstWidth <= width else { return blanks(width) }
        var character = [first]
        for scalar in scalars.dropFirst() {
            let isMark = scalar.properties.generalCategory == .nonspacingMark
                && !scalar.properties.isVariationSelector
            guard isMark, scalarWidth(scalar) == 0, character.count < cursesScalarLimit else { break }
            character.append(scalar)
        }
        return [character] + blanks(width - firstWidth)
    }

    /// The letter a regional indicator symbol stands for (U+1F1E6 is A).
    private static func regionalIndicatorLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x1F1E6...0x1F1FF).contains(scalar.value) else { return nil }
        return Unicode.Scalar(scalar.value - 0x1F1E6 + 0x41)
    }
}
