import KrantCore

/// A message swift-argument-parser composed (an error with the usage
/// under it), made safe to print.
///
/// Its line breaks are its own and are kept, but it quotes what the user
/// typed (an unknown option, a value it could not read), which may hold any
/// character: those arguments are escaped where they appear before the
/// message is split into lines, so a line break or escape sequence typed in
/// an argument is shown as `\x0A` or `\x1B` and never acted on.
enum ParserMessage {
    static func displayed(_ message: String, arguments: [String]) -> String {
        var text = message
        // Longest first: an argument that contains another is escaped whole.
        // An escaped argument holds no control character, so a shorter one
        // cannot match inside it again.
        let unsafe = Set(arguments.flatMap(quotedPieces)).filter { Sanitizer.escapedForDisplay($0) != $0 }
        for argument in unsafe.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: argument, with: Sanitizer.escapedForDisplay(argument))
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.escapedForDisplay(String($0)) }
            .joined(separator: "\n")
    }

    /// What of one argument the parser may quote: all of it, and the value
    /// of `--name=value`.
    private static func quotedPieces(_ argument: String) -> [String] {
        guard argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") else { return [argument] }
        return [argument, String(argument[argument.index(after: equals)...])]
    }
}
