import KrantCore

/// Any text through every `Sanitizer` entry point: nothing a terminal would
/// act on survives, nothing else is lost, and cleaning twice changes nothing.
enum SanitizerFuzzTarget {
    static func run(_ bytes: [UInt8], _ check: inout InvariantCheck) {
        let text = String(decoding: bytes, as: UTF8.self)

        let cleanText = Sanitizer.cleanText(text)
        check.expectTerminalSafe(cleanText, "cleanText", allowsNewlines: true)
        check.expect(Sanitizer.cleanText(cleanText) == cleanText, "cleanText is not idempotent")
        // An unterminated escape string ends at its line: no line is swallowed.
        check.expect(lineFeeds(in: cleanText) == lineFeeds(in: text),
                     "cleanText kept \(lineFeeds(in: cleanText)) of \(lineFeeds(in: text)) line feeds")
        if !text.unicodeScalars.contains(where: introducesSequence) {
            // Without an escape sequence, cleaning only drops controls and turns tabs into spaces.
            check.expect(Array(cleanText.unicodeScalars) == expectedWithoutSequences(text),
                         "cleanText removed more than controls: \(TerminalSafety.visible(cleanText))")
        }

        let cleanLine = Sanitizer.cleanLine(text)
        check.expectOneLine(cleanLine, "cleanLine")
        check.expect(!cleanLine.unicodeScalars.contains("\n"), "cleanLine kept a line feed")
        check.expectCollapsed(cleanLine, "cleanLine")
        check.expect(Sanitizer.cleanLine(cleanLine) == cleanLine, "cleanLine is not idempotent")
        check.expect((Sanitizer.cleanLineOrNil(text) == nil) == cleanLine.isEmpty,
                     "cleanLineOrNil disagrees with cleanLine about emptiness")

        let collapsed = Sanitizer.collapseSpaces(text)
        check.expectCollapsed(collapsed, "collapseSpaces")
        check.expect(Sanitizer.collapseSpaces(collapsed) == collapsed, "collapseSpaces is not idempotent")
        check.expect(collapsed.unicodeScalars.filter { $0 != " " } == text.unicodeScalars.filter { !$0.properties.isWhitespace },
                     "collapseSpaces changed more than whitespace: \(TerminalSafety.visible(collapsed))")

        let escaped = Sanitizer.escapedForDisplay(text)
        check.expectTerminalSafe(escaped, "escapedForDisplay")
        if TerminalSafety.firstUnsafeScalar(in: text, allowsNewlines: false) == nil {
            check.expect(escaped == text, "escapedForDisplay changed text with nothing to escape")
        }
    }

    private static func lineFeeds(in text: String) -> Int {
        text.unicodeScalars.count { $0 == "\n" }
    }

    /// ESC and the 8-bit CSI, DCS, SOS, OSC, PM and APC introducers.
    private static func introducesSequence(_ scalar: Unicode.Scalar) -> Bool {
        [0x1B, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F].contains(scalar.value)
    }

    private static func expectedWithoutSequences(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap { scalar in
            if scalar == "\t" { return " " }
            return TerminalSafety.firstUnsafeScalar(in: String(scalar), allowsNewlines: true) == nil ? scalar : nil
        }
    }
}
