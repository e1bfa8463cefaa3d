import KrantCore
import Testing

@Suite struct TextWrapperTests {
    private func widths(_ lines: [String]) -> [Int] {
        lines.map { DisplayWidth.of($0) }
    }

    @Test func wrapsAtSpacesKeepingWordsWhole() {
        let text = "De Tweede Kamer stemt dinsdag over het wetsvoorstel."
        let lines = TextWrapper.wrap(text, width: 16)
        #expect(lines == ["De Tweede Kamer", "stemt dinsdag", "over het", "wetsvoorstel."])
        #expect(widths(lines).allSatisfy { $0 <= 16 })
        #expect(lines.joined(separator: " ") == text)
    }

    @Test func collapsesSpacesAndNeverLeavesThemAtTheEdges() {
        let lines = TextWrapper.wrap("  een   twee\t drie    vier  ", width: 9)
        #expect(lines == ["een twee", "drie vier"])
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
    }

    @Test func exactFitStaysOnOneLine() {
        #expect(TextWrapper.wrap("abc def", width: 7) == ["abc def"])
        #expect(TextWrapper.wrap("abc def", width: 6) == ["abc", "def"])
    }

    @Test func emptyAndDegenerateInput() {
        #expect(TextWrapper.wrap("", width: 10) == [""])
        #expect(TextWrapper.wrap("   ", width: 10) == [""])
        #expect(TextWrapper.wrap("tekst", width: 0) == [])
        #expect(TextWrapper.wrap("tekst", width: -3) == [])
    }

    @Test func newlinesForceBreaks() {
        #expect(TextWrapper.wrap("een\ntwee\n\ndrie", width: 20) == ["een", "twee", "", "drie"])
    }

    @Test func longWordIsBrokenHardOnAFreshLine() {
        let lines = TextWrapper.wrap("zie https://nos.nl/artikel/123456", width: 10)
        #expect(lines == ["zie", "https://no", "s.nl/artik", "el/123456"])
        #expect(widths(lines).allSatisfy { $0 <= 10 })
    }

    @Test func clustersAreNeverSplit() {
        let word = String(repeating: "e\u{0308}", count: 7)  // decomposed ë
        let lines = TextWrapper.wrap(word, width: 3)
        #expect(lines.map(\.count) == [3, 3, 1])
        #expect(lines.allSatisfy { $0.unicodeScalars.first == "e" })
        #expect(lines.joined() == word)
    }

    @Test func wideClusterDoesNotStraddleTheLastColumn() {
        let lines = TextWrapper.wrap("ab日本語", width: 5)
        #expect(lines == ["ab日", "本語"])
        #expect(widths(lines) == [4, 4])
        let emoji = TextWrapper.wrap("x😀😀😀", width: 4)
        #expect(emoji == ["x😀", "😀😀"])
    }

    @Test func cjkWrapsWithoutSpaces() {
        let lines = TextWrapper.wrap("日本語のテキストを折り返す", width: 10)
        #expect(lines == ["日本語のテ", "キストを折", "り返す"])
        #expect(widths(lines) == [10, 10, 6])
    }

    @Test func noBreakBeforeClosingPunctuation() {
        // Splitting after 6 clusters would start a line with 、 so 語 moves down with it.
        let lines = TextWrapper.wrap("東京都日本語、大阪", width: 12)
        #expect(lines == ["東京都日本", "語、大阪"])
        #expect(TextWrapper.wrap("「日本」です", width: 4) == ["「日", "本」", "です"])
    }

    @Test func cjkWordGluedToLatinBreaksAtTheBoundary() {
        #expect(TextWrapper.wrap("Tokio東京", width: 7) == ["Tokio東", "京"])
    }

    @Test func mixedCJKAndEmojiStayWithinTheLimit() {
        let text = "今日は😀いい天気👍🏽ですね🇳🇱 great weather 🌧️ 明日は雨❤️"
        for width in 2...20 {
            let lines = TextWrapper.wrap(text, width: width)
            #expect(widths(lines).allSatisfy { $0 <= width }, "width \(width): \(lines)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    /// A 2-column cluster cannot fit in 1 column: it gets a line of its own,
    /// wider than asked, and the renderer clips it.
    @Test func wideClusterAtWidthOneGetsItsOwnLine() {
        #expect(TextWrapper.wrap("a日b", width: 1) == ["a", "日", "b"])
        #expect(TextWrapper.wrap("😀 ok", width: 1) == ["😀", "o", "k"])
    }

    @Test func truncateClipsByWidthWithEllipsis() {
        #expect(TextWrapper.truncate("Kabinet valt", width: 20) == "Kabinet valt")
        #expect(TextWrapper.truncate("Kabinet valt", width: 12) == "Kabinet valt")
        #expect(TextWrapper.truncate("Kabinet valt", width: 11) == "Kabinet va…")
        #expect(TextWrapper.truncate("Kabinet valt", width: 8) == "Kabinet…")
        #expect(TextWrapper.truncate("Kabinet valt", width: 9) == "Kabinet…")  // no space before …
        #expect(TextWrapper.truncate("Kabinet valt", width: 8, ellipsis: "...") == "Kabin...")
        #expect(TextWrapper.truncate("日本語テキスト", width: 7) == "日本語…")
        #expect(TextWrapper.truncate("日本語テキスト", width: 8) == "日本語…")
        #expect(TextWrapper.truncate("👨‍👩‍👧👨‍👩‍👧", width: 3) == "👨‍👩‍👧…")
        #expect(TextWrapper.truncate("cafe\u{0301}s", width: 5) == "cafe\u{0301}s")
        #expect(TextWrapper.truncate("cafe\u{0301}s!", width: 5) == "cafe\u{0301}…")
    }

    @Test func truncateAtTinyWidths() {
        #expect(TextWrapper.truncate("abc", width: 1) == "…")
        #expect(TextWrapper.truncate("a", width: 1) == "a")
        #expect(TextWrapper.truncate("日", width: 1) == "…")
        #expect(TextWrapper.truncate("abc", width: 2, ellipsis: "...") == "..")
        #expect(TextWrapper.truncate("abc", width: 0) == "")
    }

    @Test func padGivesExactWidth() {
        #expect(TextWrapper.pad("NOS", width: 6) == "NOS   ")
        #expect(TextWrapper.pad("Kabinet valt", width: 9) == "Kabinet… ")
        #expect(TextWrapper.pad("日本語", width: 5) == "日本…")
        #expect(TextWrapper.pad("日本語", width: 4) == "日… ")
        #expect(TextWrapper.pad("日本語", width: 7) == "日本語 ")
        #expect(TextWrapper.pad("", width: 3) == "   ")
        #expect(TextWrapper.pad("abc", width: 0) == "")
        for width in 1...12 {
            #expect(DisplayWidth.of(TextWrapper.pad("Nieuws 📰 日本語 ❤️", width: width)) == width)
        }
    }

    /// `lineCount` counts one-column text in a pass of its own; it must make
    /// the count `wrap` makes, line for line, whatever the text and width.
    @Test func lineCountAgreesWithWrap() {
        let pieces = ["a", "bb", "woord", "eenheelheellangwoord", " ", "  ", "é", "ë", "Ĳ", "—", "…", "«", "x.",
                      "日本", "e\u{301}", "😀", "\t", "\u{AD}", "\n", "ǿ", "\u{2028}"]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 1 + next(16)
            #expect(TextWrapper.lineCount(text, width: width) == TextWrapper.wrap(text, width: width).count,
                    "\(text.debugDescription) at width \(width)")
        }
    }

    /// U+0600 (Arabic number sign) prefixes what follows it: at the end of a
    /// field it takes the first padding space into its own cluster (found by
    /// the wrapper fuzzer, Regressions/wrapper/pad-after-prepended-mark).
    @Test func padKeepsTheWidthAfterAPrependedMark() {
        for width in 4...8 {
            #expect(DisplayWidth.of(TextWrapper.pad("ab\u{0600}", width: width)) == width)
            #expect(DisplayWidth.of(TextWrapper.pad(" \u{0600} \u{0600}", width: width)) == width)
        }
    }
}
