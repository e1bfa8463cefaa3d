import KrantCore
import Testing
@testable import KrantFuzzing

/// The checks the fuzz targets make must catch what they claim to, or a
/// replayed regression would pass whatever the code did.
@Suite struct InvariantCheckTests {
    @Test func aControlOrBidiCharacterIsNotTerminalSafe() {
        for unsafe in ["a\u{1B}[2Jb", "a\u{07}", "\u{9B}31m", "abc\u{202E}fed", "\u{FEFF}x", "tab\there"] {
            var check = InvariantCheck()
            check.expectTerminalSafe(unsafe, "text")
            #expect(check.violations.count == 1, "\(unsafe.debugDescription)")
        }
        var check = InvariantCheck()
        check.expectTerminalSafe("Poetin verwelkomt Kim 😀 日本", "text")
        check.expectTerminalSafe("twee\nregels", "text", allowsNewlines: true)
        #expect(check.violations.isEmpty)
    }

    @Test func aLineBreakIsNotOneLine() {
        for broken in ["een\ntwee", "een\u{2028}twee", "een\u{2029}twee"] {
            var check = InvariantCheck()
            check.expectOneLine(broken, "title")
            #expect(check.violations.count == 1, "\(broken.debugDescription)")
        }
    }

    @Test func spacesMustBeCollapsed() {
        for loose in [" voor", "achter ", "twee  spaties", "harde\u{00A0}spatie"] {
            var check = InvariantCheck()
            check.expectCollapsed(loose, "title")
            #expect(check.violations.count == 1, "\(loose.debugDescription)")
        }
        var check = InvariantCheck()
        check.expectCollapsed("een twee drie", "title")
        check.expectCollapsed("", "title")
        #expect(check.violations.isEmpty)
    }

    @Test func aPublicationDateMustExist() {
        for impossible in [PublishedDate(year: 2024, month: 2, day: 30), PublishedDate(year: 0, month: 6),
                           PublishedDate(year: 2024, month: 13), PublishedDate(year: 2024, month: 6, day: 1, hour: 24, minute: 0)] {
            var check = InvariantCheck()
            PublishedDateCheck.run(impossible, &check)
            #expect(!check.violations.isEmpty, "\(impossible.iso8601)")
        }
        var check = InvariantCheck()
        PublishedDateCheck.run(PublishedDate(year: 2024, month: 2, day: 29, hour: 23, minute: 59), &check)
        #expect(check.violations.isEmpty)
    }

    @Test func aViolationNamesTheFieldAndShowsTheTextEscaped() {
        var check = InvariantCheck()
        check.expectOneLine("kop\u{1B}]52;c;x\u{07}", "the title")
        #expect(check.violations == [#"the title holds U+001B: "kop\u{001B}]52;c;x\u{0007}""#])
    }
}
