/// Where a key stands in a TOML file, for error messages. TOMLKit reports
/// positions only for syntax errors, so a file that parsed is scanned once
/// more: table headers, `key =` at the start of a line (bare, quoted or
/// dotted), and keys inside an inline table on the same line. Values that
/// span lines (arrays, multi-line strings) are skipped, so their contents
/// are never taken for keys or headers.
struct TOMLKeyLocator {
    struct Position: Hashable, Comparable {
        var line: Int
        var column: Int

        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Every key, by its full path ("keys.next-caption", "style.date.fg").
    private var positions: [String: Position] = [:]

    init(source: String) {
        var table: [String] = []
        var arrayCounts: [String: Int] = [:]
        var depth = 0
        var inMultilineString: String?
        // "\r\n" is one Character in Swift: a file with CRLF line ends
        // splits on it too.
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let text = Array(line)
            var i = 0
            if let quote = inMultilineString {
                guard let end = Self.find(quote, in: text, from: 0) else { continue }
                inMultilineString = nil
                i = end + quote.count
            } else if depth == 0 {
                while i < text.count, text[i] == " " || text[i] == "\t" { i += 1 }
                if i < text.count, text[i] == "[" {
                    let isArray = i + 1 < text.count && text[i + 1] == "["
                    let start = i + (isArray ? 2 : 1)
                    if let close = text[start...].firstIndex(of: "]") {
                        table = Self.splitKey(String(text[start..<close]))
                        var path = table.joined(separator: ".")
                        if isArray {
                            let count = arrayCounts[path, default: 0]
                            arrayCounts[path] = count + 1
                            path += "[\(count)]"
                            table = path.split(separator: ".").map(String.init)
                        }
                        record(path, at: Position(line: index + 1, column: start + 1))
                    }
                    continue
                }
                if let (key, keyEnd) = Self.key(in: text, from: i) {
                    let path = table + key
                    record(path.joined(separator: "."), at: Position(line: index + 1, column: i + 1))
                    recordInline(text, from: keyEnd, under: path, line: index + 1)
                    i = keyEnd
                }
            }
            // Track brackets and strings to the end of the line.
            while i < text.count {
                let character = text[i]
                if character == "#" { break }
                if character == "\"" || character == "'" {
                    let triple = String(repeating: character, count: 3)
                    if Self.find(triple, in: text, from: i) == i {
                        if let end = Self.find(triple, in: text, from: i + 3) { i = end + 3; continue }
                        inMultilineString = triple
                        break
                    }
                    i = Self.endOfString(text, from: i)
                    continue
                }
                if character == "[" || character == "{" { depth += 1 }
                if character == "]" || character == "}" { depth = max(0, depth - 1) }
                i += 1
            }
        }
    }

    /// The position of a key, or of the nearest enclosing key or table that
    /// was found; line 1, column 1 when none was.
    func position(of path: [String]) -> Position {
        var path = path
        while !path.isEmpty {
            if let position = positions[path.joined(separator: ".")] { return position }
            path.removeLast()
        }
        return Position(line: 1, column: 1)
    }

    private mutating func record(_ path: String, at position: Position) {
        if positions[path] == nil { positions[path] = position }
    }

    /// `{ fg = "red", bold = true }` after a key: its keys, on this line.
    private mutating func recordInline(_ text: [Character], from start: Int, under path: [String], line: Int) {
        var i = start
        while i < text.count, text[i] != "{" {
            if text[i] == "#" || text[i] == "[" || text[i] == "\"" || text[i] == "'" { return }
            i += 1
        }
        i += 1
        while i < text.count, text[i] != "}" {
            while i < text.count, text[i] == " " || text[i] == "," || text[i] == "\t" { i += 1 }
            guard let (key, keyEnd) = Self.key(in: text, from: i) else { return }
            record((path + key).joined(separator: "."), at: Position(line: line, column: i + 1))
            i = keyEnd
            // Skip the value to the next comma at this level.
            var depth = 0
            while i < text.count {
                let character = text[i]
                if character == "\"" || character == "'" { i = Self.endOfString(text, from: i); continue }
                if character == "[" || character == "{" { depth += 1 }
                if character == "]" || (character == "}" && depth > 0) { depth -= 1 }
                if depth == 0, character == "," || character == "}" { break }
                i += 1
            }
        }
    }

    /// A key and the `=` after it, starting at `start`: the key's parts and
    /// the index just past the `=`.
    private static func key(in text: [Character], from start: Int) -> ([String], Int)? {
        var parts: [String] = []
        var i = start
        while true {
            while i < text.count, text[i] == " " || text[i] == "\t" { i += 1 }
            guard i < text.count else { return nil }
            if text[i] == "\"" || text[i] == "'" {
                let end = endOfString(text, from: i)
                guard end > i + 1 else { return nil }
                parts.append(String(text[(i + 1)..<(end - 1)]))
                i = end
            } else {
                let begin = i
                while i < text.count, text[i].isLetter || text[i].isNumber || text[i] == "-" || text[i] == "_" { i += 1 }
                guard i > begin else { return nil }
                parts.append(String(text[begin..<i]))
            }
            while i < text.count, text[i] == " " || text[i] == "\t" { i += 1 }
            guard i < text.count else { return nil }
            if text[i] == "." { i += 1; continue }
            return text[i] == "=" ? (parts, i + 1) : nil
        }
    }

    private static func splitKey(_ text: String) -> [String] {
        text.split(separator: ".").map { $0.trimmingCharacters(in: " \t\"'") }
    }

    /// Past the closing quote of a one-line string (basic strings skip escapes).
    private static func endOfString(_ text: [Character], from start: Int) -> Int {
        let quote = text[start]
        var i = start + 1
        while i < text.count {
            if quote == "\"", text[i] == "\\" { i += 2; continue }
            if text[i] == quote { return i + 1 }
            i += 1
        }
        return text.count
    }

    private static func find(_ needle: String, in text: [Character], from start: Int) -> Int? {
        let pattern = Array(needle)
        guard start <= text.count - pattern.count else { return nil }
        for i in start...(text.count - pattern.count) where Array(text[i..<(i + pattern.count)]) == pattern {
            return i
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
