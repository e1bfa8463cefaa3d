import KrantCore
import Testing

/// The values a config file writes: keys, colours, date patterns, names.
@Suite struct SettingValueTests {
    @Test func keysByCharacterOrName() {
        #expect(Key(name: "}") == .character("}"))
        #expect(Key(name: "Enter") == .enter)
        #expect(Key(name: "space") == .character(" "))
        #expect(Key(name: "PgDn") == .pageDown)
        #expect(Key(name: "Ctrl-r") == .control("r"))
        // What the terminal sends for these is Tab, Enter and Backspace.
        #expect(Key(name: "Ctrl-i") == .tab)
        #expect(Key(name: "Ctrl-m") == .enter)
        #expect(Key(name: "Ctrl-J") == .enter)
        #expect(Key(name: "Ctrl-h") == .backspace)
        // The terminal keeps these for itself.
        for name in ["Ctrl-c", "Ctrl-z", "Ctrl-s", "^Q"] {
            #expect(Key(name: name) == nil, "\(name)")
            #expect(Key.reservation(forName: name) != nil, "\(name)")
        }
        #expect(Key.reservation(forName: "Ctrl-r") == nil)
        #expect(Key(name: "^R") == .control("r"))
        #expect(Key(name: "F12") == .function(12))
        #expect(Key(name: "↓") == .down)
        #expect(Key(name: "F99") == nil)
        #expect(Key(name: "Ctrl-ä") == nil)
        #expect(Key(name: "\u{7}") == nil)
        #expect(Key(name: "") == nil)
        for key in [Key.character(" "), .character("C"), .control("r"), .down, .pageUp, .enter, .escape, .function(5), .backTab,
                    .tab, .backspace] {
            #expect(Key(name: key.name) == key, "\(key.name)")
        }
    }

    @Test func coloursByNameIndexOrRGB() {
        #expect(TerminalColor(name: "cyan") == .cyan)
        #expect(TerminalColor(name: "Bright-Red") == .index(9))
        #expect(TerminalColor(name: "bright_red") == .index(9))
        #expect(TerminalColor(name: "default") == .terminalDefault)
        #expect(TerminalColor(name: "244") == .index(244))
        #expect(TerminalColor(name: "256") == nil)
        #expect(TerminalColor(name: "#FF8800") == .rgb(255, 136, 0))
        #expect(TerminalColor(name: "#ff88") == nil)
        for color in [TerminalColor.terminalDefault, .index(3), .index(12), .index(200), .rgb(1, 2, 255)] {
            #expect(TerminalColor(name: color.name) == color)
        }
    }

    /// True colour as it is where the terminal has it, otherwise the nearest
    /// colour the terminal has.
    @Test func coloursFallBackToWhatTheTerminalHas() {
        let orange = TerminalColor.rgb(255, 136, 0)
        #expect(orange.number(forTerminalWith: 1 << 24) == 0xFF8800)
        // A direct-colour terminal takes 0–7 as ANSI colours and the rest as RGB.
        #expect(TerminalColor.index(3).number(forTerminalWith: 1 << 24) == 3)
        #expect(TerminalColor.index(9).number(forTerminalWith: 1 << 24) == 0xFF0000)
        #expect(TerminalColor.index(200).number(forTerminalWith: 1 << 24) == 0xFF00D7)
        #expect(TerminalColor.rgb(0, 0, 3).number(forTerminalWith: 1 << 24) == 8)
        #expect(orange.number(forTerminalWith: 256) == 208)
        #expect(TerminalColor.rgb(0, 0, 0).number(forTerminalWith: 256) == 16)
        #expect(TerminalColor.rgb(128, 128, 128).number(forTerminalWith: 256) == 244)
        #expect(orange.number(forTerminalWith: 8) == 3, "yellow is nearest among eight")
        #expect(TerminalColor.index(208).number(forTerminalWith: 8) == 3)
        #expect(TerminalColor.index(12).number(forTerminalWith: 256) == 12)
        #expect(TerminalColor.terminalDefault.number(forTerminalWith: 256) == -1)
    }

    @Test func datePatternsAndMissingParts() throws {
        let format = try DateFormat(pattern: "%a %e %b %Y, %H:%M")
        let date = PublishedDate(year: 2024, month: 6, day: 9, hour: 7, minute: 5)
        #expect(format.format(date, language: .english) == "Sun  9 Jun 2024, 07:05")
        #expect(format.format(date, language: .dutch) == "zo  9 jun 2024, 07:05")
        // A day that is not known is never made up.
        #expect(format.format(PublishedDate(year: 2024, month: 6), language: .english) == nil)
        #expect(try DateFormat(pattern: "%B %Y").format(PublishedDate(year: 2024, month: 6), language: .dutch) == "juni 2024")
        #expect(throws: DateFormatError.unknownDirective("%Q")) { try DateFormat(pattern: "%Q") }
        #expect(throws: DateFormatError.danglingPercent) { try DateFormat(pattern: "100%") }
        #expect(try DateFormat(pattern: "100%%").format(date, language: .english) == "100%")
    }

    @Test func suggestionsOnlyForLikelyTypos() {
        #expect(Suggestion.nearest(to: "nxt-caption", in: ["next-caption", "next-section"]) == "next-caption")
        #expect(Suggestion.nearest(to: "tgogle-star", in: ["toggle-star", "quit"]) == "toggle-star")
        #expect(Suggestion.nearest(to: "xyzzy", in: ["quit", "open"]) == nil)
    }
}
