import KrantTerminal
import Testing

struct TerminalTypeTests {
    /// One test, because the probe loads terminfo through ncurses' global state.
    @Test func terminalTypesAreCheckedBeforeCursesStarts() {
        #expect(Terminal.checkTerminalType("") == .termNotSet)
        // Installed here, so this goes through the terminfo probe for `cup`.
        #expect(Terminal.checkTerminalType("dumb") == .cannotAddressCursor("dumb"))
        #expect(Terminal.checkTerminalType("no-such-terminal-krant") == .unknownTerminal("no-such-terminal-krant"))
        #expect(Terminal.checkTerminalType("xterm-256color") == nil)
        #expect(Terminal.checkTerminalType("tmux-256color") == nil)
    }

    @Test func messagesSayWhatToDo() {
        let errors: [TerminalError] = [
            .notATerminal(which: "standard output"), .termNotSet, .unknownTerminal("foo"),
            .cannotAddressCursor("dumb"), .initialisationFailed("foo"),
        ]
        for error in errors {
            let message = error.description
            // Printed after "krant: ", so naming krant again would say it twice.
            #expect(!message.hasPrefix("krant"))
            #expect(message.contains("(") && message.hasSuffix(")"), "has a suggestion: \(message)")
            #expect(!message.contains("\n"))
        }
        #expect(TerminalError.termNotSet.description
            == "needs a terminal: TERM is not set (try TERM=xterm-256color)")
        #expect(TerminalError.notATerminal(which: "standard input").description
            == "needs a terminal: standard input is not one (run krant in a terminal, or use `krant list` for plain output)")
        #expect(TerminalError.cannotAddressCursor("dumb").description.contains("TERM=dumb"))
    }
}
