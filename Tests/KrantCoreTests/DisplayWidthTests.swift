import KrantCore
import Testing

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("Hello, world!") == 13)
        #expect(DisplayWidth.of("Hello, world!".dropFirst(7)) == 6)
        #expect(DisplayWidth.of(Unicode.Scalar("a")) == 1)
    }

    @Test func controlsAreZero() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x07)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x85)!) == 0)
        #expect(DisplayWidth.of("a\tb") == 2)
    }

    @Test func dutchDiacritics() {
        #expect(DisplayWidth.of("één ruïne, café") == 15)
        let decomposed = "e\u{0308}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("knie\u{0308}n") == 5)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0308)!) == 0)
    }

    @Test func combiningMarksAddNothing() {
        #expect(DisplayWidth.of("a\u{0301}\u{0327}\u{0323}") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20E3)!) == 0)  // enclosing keycap, Me
        #expect(DisplayWidth.of(Unicode.Scalar(0x0903)!) == 1)  // Devanagari visarga, Mc is spacing
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("ひらがな カタカナ") == 17)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("、。") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)  // CJK Extension B
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // decomposed 각
    }

    @Test func fullwidthAndHalfwidthForms() {
        #expect(DisplayWidth.of("ＡＢＣ１２３") == 12)
        #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇳🇱") == 2)
        #expect(DisplayWidth.of("🇳🇱🇧🇪") == 4)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("☺") == 1)
        #expect(DisplayWidth.of("☺\u{FE0F}") == 2)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)  // keycap 1
        #expect(DisplayWidth.of("🏳️‍🌈") == 2)
        #expect(DisplayWidth.of("🏳\u{200D}🌈") == 2)  // ZWJ sequence without VS16
        #expect(DisplayWidth.of("\u{1F1F3}") == 2)  // lone regional indicator: Emoji_Presentation, not East Asian Wide
        #expect(DisplayWidth.of("Nice 👍🏽!") == 8)
    }

    @Test func characterOverload() {
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.of(Character("e\u{0308}")) == 1)
        #expect(DisplayWidth.of(Character("語")) == 2)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }

    @Test func invisibleCharactersAreZero() {
        #expect(DisplayWidth.of("\u{200B}") == 0)  // zero-width space
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)  // zero-width joiner
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("\u{2060}") == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xE0101)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xE0061)!) == 0)  // tag, default ignorable
        #expect(DisplayWidth.of(Unicode.Scalar(0x1160)!) == 0)  // Hangul medial vowel
        #expect(DisplayWidth.of("\u{00AD}") == 1)  // soft hyphen is drawn
    }

    @Test func tableIsFromOneUnicodeVersion() {
        #expect(DisplayWidth.unicodeVersion == "15.0.0")
    }
}
