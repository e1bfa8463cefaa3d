/// Why the reader cannot start on this terminal. Every message says what to
/// do, because the user sees it instead of the reader. Messages do not name
/// krant: the command line prints them after `krant: `.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is a pipe or file (`which` names it).
    case notATerminal(which: String)
    case termNotSet
    /// TERM names no terminfo entry (or there is no terminfo database).
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (`dumb`, a printing terminal).
    case cannotAddressCursor(String)
    /// ncurses refused to start for another reason.
    case initialisationFailed(String)

    public var description: String {
        switch self {
        case .notATerminal(let which):
            "needs a terminal: \(which) is not one (run krant in a terminal, or use `krant list` for plain output)"
        case .termNotSet:
            "needs a terminal: TERM is not set (try TERM=xterm-256color)"
        case .unknownTerminal(let term):
            "unknown terminal type TERM=\(term) (try TERM=xterm-256color, or install its terminfo entry)"
        case .cannotAddressCursor(let term):
            "needs a terminal that can move the cursor, and TERM=\(term) cannot (try TERM=xterm-256color)"
        case .initialisationFailed(let term):
            "could not start the terminal TERM=\(term) (try TERM=xterm-256color)"
        }
    }
}
