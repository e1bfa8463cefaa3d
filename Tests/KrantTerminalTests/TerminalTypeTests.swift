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
            #expect(message.hasPrefix("krant "))
            #expect(message.contains("(") && message.hasSuffix(")"), "has a suggestion: \(message)")
            #expect(!message.contains("\n"))
        }
        #expect(TerminalError.termNotSet.description
            == "krant needs a terminal: TERM is not set (try TERM=xterm-256color)")
        #expect(TerminalError.cannotAddressCursor("dumb").description.contains("TERM=dumb"))
    }
}
