/// Fits text into a number of terminal columns, measured with `DisplayWidth`.
///
/// Everything works on whole grapheme clusters, so a line break or a clip
/// can never separate a letter from its accent or split an emoji sequence.
public enum TextWrapper {
    /// Word-wraps text into lines of at most `width` columns.
    ///
    /// - Lines break at spaces and tabs; runs of them collapse, and no line
    ///   starts or ends with one. Newlines force a break (an empty line
    ///   stays an empty line).
    /// - CJK text may also break before and after any wide ideograph, kana
    ///   or hangul, but not before closing punctuation (`、。」` …) or after
    ///   opening punctuation (`「（` …).
    /// - A word wider than a line starts on a fresh line and is broken hard
    ///   between clusters; a 2-column cluster never straddles the last
    ///   column, so such a line may end one column short.
    /// - At width 1 a 2-column cluster cannot fit anywhere; it gets a line
    ///   of its own (the only case where a line exceeds `width`) and the
    ///   renderer clips it, so the text is not silently lost.
    ///
    /// Returns `[]` when `width < 1` and `[""]` for empty text.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width >= 1 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = Line(limit: width)
            let before = lines.count
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                for (index, chunk) in chunks(of: word).enumerated() {
                    line.place(chunk, afterSpace: index == 0, into: &lines)
                }
            }
            if !line.text.isEmpty || lines.count == before {
                lines.append(line.text)
            }
        }
        return lines
    }

    /// How many lines `wrap(text, width:)` makes: for one-column text (most
    /// news text) counted in a pass over its bytes, without making them.
    public static func lineCount(_ text: String, width: Int) -> Int {
        OneColumnLineCounter.lineCount(text, width: width) ?? wrap(text, width: width).count
    }

    /// Clips text to at most `width` columns, ending with `ellipsis` when
    /// anything was cut.
    ///
    /// The ellipsis counts towards the width, and spaces before it are
    /// dropped (`Hello…`, not `Hello …`). An ellipsis wider than `width` is
    /// itself clipped, since nothing else could fit.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width >= 1 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return String(prefix(of: ellipsis, columns: width)) }
        var kept = prefix(of: text, columns: width - ellipsisWidth)
        while kept.last == " " {
            kept.removeLast()
        }
        return String(kept) + ellipsis
    }

    /// Truncates, then pads with spaces to exactly `width` columns, so
    /// table-like screens stay aligned whatever the text.
    public static func pad(_ text: String, width: Int) -> String {
        guard width >= 1 else { return "" }
        let clipped = truncate(text, width: width)
        var padded = clipped + String(repeating: " ", count: width - DisplayWidth.of(clipped))
        // A prepended concatenation mark at the end (U+0600 …, a "Prepend"
        // in grapheme rules) joins the first space to its own cluster, where
        // it adds no column; the space after it is a cluster of its own.
        if DisplayWidth.of(padded) < width { padded.append(" ") }
        return padded
    }

    /// The longest run of whole clusters from the start that fits.
    private static func prefix(of text: String, columns: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            used += DisplayWidth.of(text[index])
            if used > columns { break }
            end = text.index(after: index)
        }
        return text[..<end]
    }

    /// Splits a word at its CJK break opportunities.
    private static func chunks(of word: Substring) -> [Chunk] {
        var result: [Chunk] = []
        var current = Chunk()
        var previous: Character?
        for character in word {
            let width = DisplayWidth.of(character)
            if let previous, !current.clusters.isEmpty, canBreak(between: previous, and: character, width: width) {
                result.append(current)
                current = Chunk()
            }
            current.clusters.append((character, width))
            current.width += width
            previous = character
        }
        if !current.clusters.isEmpty {
            result.append(current)
        }
        return result
    }

    private static func canBreak(between before: Character, and after: Character, width afterWidth: Int) -> Bool {
        guard isWideLetter(before) || (afterWidth == 2 && isWideLetter(after)) else { return false }
        return !closing.contains(after) && !opening.contains(before)
    }

    /// Wide CJK letters and punctuation, where a line may break without a
    /// space; emoji are wide too but stay glued to their word.
    private static func isWideLetter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, DisplayWidth.of(character) == 2 else { return false }
        switch scalar.value {
        case 0x1100...0x115F,  // Hangul Jamo initials
             0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK compatibility
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // ideographs
             0xA000...0xA4CF,  // Yi
             0xA960...0xA97F, 0xAC00...0xD7A3,  // Hangul
             0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical and compatibility forms
             0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
             0x1B000...0x1B2FF,  // kana supplements
             0x20000...0x3FFFD:  // ideograph planes 2 and 3
            return true
        default:
            return false
        }
    }

    /// Never first on a line (a simple form of Japanese kinsoku).
    private static let closing: Set<Character> = [
        "、", "。", "，", "．", "！", "？", "：", "；", "）", "」", "』", "】", "〕", "〉", "》", "〗", "〙", "〛",
        "］", "｝", "・", "ー", "々", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ",
        "ッ", "ャ", "ュ", "ョ", ".", ",", "!", "?", ":", ";", ")", "]", "}", "%", "’", "”", "»",
    ]

    /// Never last on a line.
    private static let opening: Set<Character> = [
        "（", "「", "『", "【", "〔", "〈", "《", "〖", "〘", "〚", "［", "｛", "(", "[", "{", "‘", "“", "«",
    ]

    /// Clusters that must stay on one line unless they are wider than it.
    private struct Chunk {
        var clusters: [(character: Character, width: Int)] = []
        var width = 0
    }

    /// The line being filled.
    private struct Line {
        let limit: Int
        var text = ""
        var width = 0

        mutating func place(_ chunk: Chunk, afterSpace: Bool, into lines: inout [String]) {
            let gap = afterSpace && !text.isEmpty ? 1 : 0
            if width + gap + chunk.width <= limit {
                if gap == 1 { append(" ", width: 1) }
                for cluster in chunk.clusters { append(cluster.character, width: cluster.width) }
                return
            }
            flush(into: &lines)
            if chunk.width <= limit {
                for cluster in chunk.clusters { append(cluster.character, width: cluster.width) }
                return
            }
            for cluster in chunk.clusters {
                if width + cluster.width > limit && !text.isEmpty {
                    flush(into: &lines)
                }
                append(cluster.character, width: cluster.width)
            }
        }

        private mutating func append(_ character: Character, width: Int) {
            text.append(character)
            self.width += width
        }

        private mutating func flush(into lines: inout [String]) {
            guard !text.isEmpty else { return }
            lines.append(text)
            text = ""
            width = 0
        }
    }
}
