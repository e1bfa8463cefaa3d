/// How many lines `TextWrapper.wrap` makes of text in which every character
/// is one scalar one column wide (ASCII, Latin letters with their accents,
/// dashes, quotes, the ellipsis): most news text. There no cluster can join
/// its neighbour and no line may break inside a word, so the lines can be
/// counted in one pass over the bytes, without making them.
///
/// Making the lines segments grapheme clusters: opening an article of
/// 20,000 paragraphs (3.7 MB), which needs every block's first line, took
/// 0.8 s (`krant-bench --long-article`). The count is the general wrapper's,
/// line for line (tests compare the two on random text).
enum OneColumnLineCounter {
    /// The number of lines, or nil when the text is not one-column text.
    static func lineCount(_ text: String, width: Int) -> Int? {
        guard width >= 1 else { return nil }
        var text = text
        return text.withUTF8 { count($0, width: width) }
    }

    /// Whether a scalar is one column wide and never joins a neighbour into
    /// one cluster: printable ASCII; Latin-1 and Latin Extended-A and -B
    /// except the soft hyphen (a format character); U+2010–U+2027 (dashes,
    /// quotes, bullets, the ellipsis).
    static func isOneColumn(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x24F, 0x2010...0x2027: true
        default: false
        }
    }

    /// The general wrapper's rules with every cluster one scalar of width 1:
    /// words join a line with one space between them (runs of spaces count
    /// once, none at the ends) while they fit; the word that does not fit
    /// starts the next line; a word longer than a line fills whole lines and
    /// its rest starts the next. Each line is scanned from its start until a
    /// scalar would pass the width; the next starts after the line's last
    /// space, or at that scalar when the line is one word.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Int? {
        let end = bytes.count
        var lines = 0
        var start = skipSpaces(bytes, from: 0)
        while start < end {
            var columns = 0
            var afterSpace = false
            // Where the line's last space run begins: the end of its last whole word.
            var lastBreak = -1
            var overflow = -1
            var index = start
            scan: while index < end {
                // Eight bytes at a time while they are plain ASCII words with
                // single spaces and the line does not fill up among them.
                if index &+ 8 <= end {
                    if let spaces = plainSpaces(EightBytes(bytes, at: index)), !(afterSpace && spaces & 0x80 != 0) {
                        let trailingSpace = spaces >> 63 != 0
                        let reached = columns &+ (afterSpace ? 1 : 0) &+ 8 &- (trailingSpace ? 1 : 0)
                        if reached <= width {
                            columns = reached
                            afterSpace = trailingSpace
                            if spaces != 0 { lastBreak = index &+ EightBytes.lastMarked(spaces) }
                            index &+= 8
                            continue
                        }
                    }
                }
                // Otherwise scalar by scalar, through the next eight bytes at most.
                let stop = min(end, index &+ 8)
                while index < stop {
                    let byte = bytes[index]
                    if byte == 0x20 {
                        if !afterSpace { lastBreak = index }
                        afterSpace = true
                        index &+= 1
                        continue
                    }
                    var length = 1
                    // Anything but printable ASCII is decoded and checked.
                    if byte &- 0x21 >= 0x5E {
                        guard let scalarLength = oneColumnLength(bytes, at: index) else { return nil }
                        length = scalarLength
                    }
                    // A word after a space brings the space between the two.
                    columns &+= afterSpace ? 2 : 1
                    afterSpace = false
                    if columns > width {
                        overflow = index
                        break scan
                    }
                    index &+= length
                }
            }
            lines &+= 1
            guard overflow >= 0 else { break }
            start = lastBreak >= 0 ? skipSpaces(bytes, from: lastBreak) : overflow
        }
        // A text without words is one empty line.
        return max(1, lines)
    }

    /// The spaces of eight bytes (0x80 in each space's byte), or nil unless
    /// all eight are printable ASCII with no two spaces together.
    private static func plainSpaces(_ chunk: EightBytes) -> UInt64? {
        let spaces = chunk.matching(0x20)
        return chunk.isPrintableASCII && spaces & (spaces << 8) == 0 ? spaces : nil
    }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] == 0x20 { index &+= 1 }
        return index
    }

    /// The byte length of the one-column scalar at `index`, or nil when the
    /// scalar there is not one-column. The bytes are a `String`'s, so valid UTF-8.
    private static func oneColumnLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        switch lead {
        case 0x00..<0x80:
            return isOneColumn(UInt32(lead)) ? 1 : nil
        case 0xC0..<0xE0:
            let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return isOneColumn(value) ? 2 : nil
        case 0xE0..<0xF0:
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return isOneColumn(value) ? 3 : nil
        default:
            return nil
        }
    }
}
