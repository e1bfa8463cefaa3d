/// The promises one fuzz input found broken: empty when the code under test
/// kept every one. A fuzz target records here instead of trapping, so the
/// same target serves libFuzzer (which must crash to report) and the test
/// that replays saved inputs (which must name what went wrong).
public struct InvariantCheck: Sendable {
    public private(set) var violations: [String] = []

    public init() {}

    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violations.append(message()) }
    }

    /// Text that reaches the terminal: nothing a terminal would interpret.
    mutating func expectTerminalSafe(_ text: String, _ field: String, allowsNewlines: Bool = false) {
        if let scalar = TerminalSafety.firstUnsafeScalar(in: text, allowsNewlines: allowsNewlines) {
            violations.append("\(field) holds U+\(TerminalSafety.hex(scalar)): \(TerminalSafety.visible(text))")
        }
    }

    /// A field shown on one line (a title, a block, a URL).
    mutating func expectOneLine(_ text: String, _ field: String) {
        expectTerminalSafe(text, field)
        if let scalar = text.unicodeScalars.first(where: TerminalSafety.isLineSeparator) {
            violations.append("\(field) holds the line separator U+\(TerminalSafety.hex(scalar)): \(TerminalSafety.visible(text))")
        }
    }

    /// A field whose whitespace was collapsed: single spaces between words,
    /// none at either end, and no other kind of space.
    mutating func expectCollapsed(_ text: String, _ field: String) {
        let scalars = Array(text.unicodeScalars)
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace }
        var problem: String?
        if let first = scalars.first, isSpace(first) {
            problem = "starts with whitespace"
        } else if let last = scalars.last, isSpace(last) {
            problem = "ends with whitespace"
        } else if let other = scalars.first(where: { isSpace($0) && $0 != " " }) {
            problem = "holds the whitespace U+\(TerminalSafety.hex(other))"
        } else if zip(scalars, scalars.dropFirst()).contains(where: { $0 == " " && $1 == " " }) {
            problem = "holds two spaces in a row"
        }
        if let problem { violations.append("\(field) \(problem): \(TerminalSafety.visible(text))") }
    }
}
