import CNcursesw
import KrantCore
@testable import KrantTerminal
import Testing

struct CellGlyphTests {
    private func glyph(_ text: String, width: UInt8 = 2, room: Int = 80) -> CellGlyph {
        CellGlyph(cell: Cell(text: text, width: width, role: .normal), room: room, scalarWidth: CursesWidths.glibc)
    }

    private func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }

    @Test func theLimitIsNcurses() {
        #expect(CellGlyph.cursesScalarLimit == Int(CCHARW_MAX))
    }

    @Test func clustersNcursesHoldsStayWithNcurses() {
        for (text, width) in [("a", 1), ("e\u{301}", 1), ("語", 2), ("😀", 2), ("❤", 1), ("\u{1100}\u{1161}", 2)] {
            let result = glyph(text, width: UInt8(width))
            #expect(result == CellGlyph(curses: [scalars(text)], direct: nil, reach: width), "\(text)")
        }
    }

    @Test func aFlagIsWrittenWholeOverTwoBlanks() {
        #expect(glyph("🇻🇳") == CellGlyph(curses: [[" "], [" "]], direct: scalars("🇻🇳"), reach: 2))
    }

    /// A terminal drawing scalar by scalar puts the modifier (or the joined
    /// emoji) after the base: the cells there are written again.
    @Test func skinTonesAndJoinedEmojiReachAsFarAsTheirScalars() {
        #expect(glyph("👍🏽") == CellGlyph(curses: [[" "], [" "]], direct: scalars("👍🏽"), reach: 4))
        #expect(glyph("👨‍👩‍👧") == CellGlyph(curses: [[" "], [" "]], direct: scalars("👨‍👩‍👧"), reach: 6))
        #expect(glyph("🏳️‍🌈").reach == 3)
    }

    /// ❤️ is one column to the C library but two where U+FE0F is honoured;
    /// ncurses would advance its cursor by one.
    @Test func clustersTheCLibrarySizesOtherwiseAreWrittenDirectly() {
        #expect(glyph("❤️") == CellGlyph(curses: [[" "], [" "]], direct: scalars("❤️"), reach: 2))
        #expect(glyph("1\u{FE0F}\u{20E3}").direct == scalars("1\u{FE0F}\u{20E3}"))
        #expect(glyph("\u{1F1F3}") == CellGlyph(curses: [[" "], [" "]], direct: ["\u{1F1F3}"], reach: 2))
    }

    @Test func moreMarksThanNcursesHoldsAreWrittenDirectly() {
        let text = "e" + String(repeating: "\u{301}", count: 6)
        #expect(glyph(text, width: 1) == CellGlyph(curses: [[" "]], direct: scalars(text), reach: 1))
    }

    /// Where the overrun would pass the right edge (and wrap), ncurses holds
    /// a stand-in of the cluster's width.
    @Test func withoutRoomAFallbackOfTheSameWidth() {
        #expect(glyph("🇻🇳", room: 1) == CellGlyph(curses: [["V"], ["N"]], direct: nil, reach: 2))
        #expect(glyph("👍🏽", room: 3) == CellGlyph(curses: [["👍"]], direct: nil, reach: 2))
        #expect(glyph("👍🏽", room: 4).direct != nil)
        #expect(glyph("👨‍👩‍👧", room: 5) == CellGlyph(curses: [["👨"]], direct: nil, reach: 2))
        #expect(glyph("❤️", room: 1) == CellGlyph(curses: [["❤"], [" "]], direct: nil, reach: 2))
        #expect(glyph("❤️‍🔥", room: 2).curses == [["❤"], [" "]])
        #expect(glyph("1\u{FE0F}\u{20E3}", room: 1).curses == [["1"], [" "]])
        #expect(glyph("\u{1F1F3}", room: 1).curses == [["N"], [" "]])
    }

    @Test func controlsNeverReachTheTerminal() {
        for text in ["\u{1B}", "\u{1B}[31m", "👍\u{1B}[2J", "\u{9B}", "🇻\u{7F}", "\u{0}", "a\u{85}"] {
            let result = glyph(text)
            #expect(result == CellGlyph(curses: [["\u{FFFD}"], [" "]], direct: nil, reach: 2), "\(text.debugDescription)")
        }
        #expect(glyph("\u{1B}", width: 1).curses == [["\u{FFFD}"]])
    }

    @Test func unprintableOrEmptyCellsNeverLeaveStaleText() {
        #expect(glyph("\u{1FAE9}").curses == [["\u{FFFD}"], [" "]])
        #expect(glyph("", width: 1).curses == [[" "]])
        #expect(glyph("😀\u{1FAE9}") == CellGlyph(curses: [[" "], [" "]], direct: scalars("😀\u{1FAE9}"), reach: 4))
    }
}
