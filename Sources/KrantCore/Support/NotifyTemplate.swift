/// The arguments of the `notify` command (config file) after a fetch that
/// brought new articles: `%n` becomes their number, `%t` the first titles
/// (at most `titleCount`, one per line), `%%` a percent sign. A command
/// without `%n` or `%t` gets the number and the titles as two arguments
/// of their own at the end.
///
/// The titles are feed text: each is cleaned to one line (no control
/// character, no escape sequence) and shortened, and only ever becomes part
/// of an argument, never of a shell command.
public enum NotifyTemplate {
    public static let titleCount = 3
    /// Longer titles are cut, with an ellipsis.
    public static let titleLength = 120

    public static func arguments(_ command: [String], count: Int, titles: [String]) -> [String] {
        let joined = titles.prefix(titleCount).map(clean).filter { !$0.isEmpty }.joined(separator: "\n")
        guard command.dropFirst().contains(where: { $0.contains("%n") || $0.contains("%t") }) else {
            return command + [String(count), joined]
        }
        // The program itself is never expanded: no title can name what runs.
        return command.prefix(1) + command.dropFirst().map { expand($0, count: count, titles: joined) }
    }

    /// One pass from left to right, so a `%` a title brings is never read
    /// as a placeholder.
    private static func expand(_ argument: String, count: Int, titles: String) -> String {
        var result = ""
        var iterator = argument.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else { result.append(character); continue }
            switch iterator.next() {
            case "n": result += String(count)
            case "t": result += titles
            case "%": result += "%"
            case let other?: result += "%" + String(other)
            case nil: result += "%"
            }
        }
        return result
    }

    private static func clean(_ title: String) -> String {
        let line = Sanitizer.cleanLine(title)
        guard line.count > titleLength else { return line }
        return String(line.prefix(titleLength - 1)) + "…"
    }
}
