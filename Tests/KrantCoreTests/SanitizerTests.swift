import Testing
import KrantCore

@Suite struct SanitizerTests {
    @Test func anAbsentOrEmptyLineIsNil() {
        #expect(Sanitizer.cleanLineOrNil(nil) == nil)
        #expect(Sanitizer.cleanLineOrNil("  \n\u{1B}[2J ") == nil)
        #expect(Sanitizer.cleanLineOrNil(" Kop\nmet regel ") == "Kop met regel")
    }

    @Test func stripsCSIWhole() {
        #expect(Sanitizer.cleanLine("a\u{1B}[2Jb\u{1B}[1;31mc\u{1B}[0m") == "abc")
    }

    @Test func stripsOSCWithItsPayload() {
        #expect(Sanitizer.cleanLine("x\u{1B}]52;c;ZXZpbA==\u{07}y") == "xy")
        #expect(Sanitizer.cleanLine("x\u{1B}]0;title\u{1B}\\y") == "xy")
        #expect(Sanitizer.cleanLine("x\u{9D}8;;http://evil\u{9C}y") == "xy")
    }

    @Test func stripsDCSAndOtherStrings() {
        #expect(Sanitizer.cleanLine("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b") == "ab")
        #expect(Sanitizer.cleanLine("a\u{1B}_apc payload\u{1B}\\b") == "ab")
        #expect(Sanitizer.cleanLine("a\u{1B}cb\u{1B}(Bc") == "abc")
    }

    @Test func unterminatedStringEndsAtTheLineEnd() {
        #expect(Sanitizer.cleanText("kop\u{1B}]52;c;eindeloos\nvolgende regel") == "kop\nvolgende regel")
    }

    @Test func stripsC0AndC1Controls() {
        #expect(Sanitizer.cleanText("a\u{00}b\u{07}c\u{08}d\u{7F}e\u{85}f\u{9B}31mg\n") == "abcdefg\n")
        #expect(Sanitizer.cleanLine("tab\tstop\r") == "tab stop")
    }

    @Test func stripsBidiOverrides() {
        #expect(Sanitizer.cleanLine("abc\u{202E}fed\u{202C} \u{2066}x\u{2069}") == "abcfed x")
    }

    @Test func leavesOrdinaryUnicodeIntact() {
        let samples = ["Oekraïne, café, naïef", "e\u{0301}e\u{0308}", "日本語のテキスト", "한국어", "表情符号",
                       "😀 👍🏽 👨‍👩‍👧 🇳🇱 ❤️", "Ελληνικά", "עברית", "العربية"]
        for sample in samples {
            #expect(Sanitizer.cleanLine(sample) == sample)
            #expect(Sanitizer.cleanText(sample + "\n" + sample) == sample + "\n" + sample)
        }
    }

    @Test func cleanLineCollapsesWhitespace() {
        #expect(Sanitizer.cleanLine("  een\n twee   drie ") == "een twee drie")
    }
}
