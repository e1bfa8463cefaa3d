import KrantTerminal
import Testing

@Suite struct TerminalTitleTests {
    @Test func onlyPrintableASCIIGoesIn() {
        #expect(TerminalTitle.set("krant: 12 unread") == "\u{1B}]2;krant: 12 unread\u{1B}\\")
        #expect(TerminalTitle.safe("a\u{07}b\u{1B}]0;x\u{9C}c\u{7F}d\né") == "ab]0;xcd")
    }
}
