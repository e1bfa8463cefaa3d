/// The number of terminal columns text occupies.
///
/// Widths come from `WidthTable`, generated from one Unicode version, never
/// from the locale or the C library's `wcwidth`: the core must lay out a
/// screen identically everywhere, and the terminal backend places every cell
/// explicitly so a terminal that disagrees cannot shift the rest of a line.
public enum DisplayWidth {
    /// The Unicode version of the width table, for diagnostics.
    public static let unicodeVersion = WidthTable.unicodeVersion

    /// The width of one scalar on its own: 0, 1 or 2.
    ///
    /// Controls count 0 because they are never drawn; sanitising removes
    /// them before text gets here.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 {
            // Below U+0300 only C0/C1 controls differ from 1; the generator
            // refuses to write a table where that is not so.
            return value < 0x20 || (value >= 0x7F && value < 0xA0) ? 0 : 1
        }
        guard let index = rangeIndex(of: value, starts: WidthTable.starts, ends: WidthTable.ends) else {
            return 1
        }
        return Int(WidthTable.widths[index])
    }

    /// The width of one grapheme cluster, as modern terminals draw it.
    ///
    /// Terminals size a cluster by its first scalar, so combining marks,
    /// skin-tone modifiers and ZWJ-joined emoji add nothing. The exception
    /// is an emoji that is text-style on its own (`☺`, `❤`, `1`) but turned
    /// into an emoji by U+FE0F or a ZWJ sequence: that is drawn 2 wide.
    /// Flags need no rule: regional indicators are Emoji_Presentation, so
    /// the first one already counts 2. A terminal that draws scalar by
    /// scalar runs past these widths (👍🏽 in 4 columns, 👨‍👩‍👧 in 6); the
    /// terminal backend writes the cells after such a cluster again, so the
    /// rest of the line stays in these columns there too.
    public static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let base = of(first)
        guard var next = scalars.next(), base != 2, isTextEmoji(first) else { return base }
        var previous = first
        while true {
            // VS16 anywhere, or a ZWJ that joins something after it.
            if next.value == 0xFE0F || previous.value == 0x200D { return 2 }
            previous = next
            guard let following = scalars.next() else { return base }
            next = following
        }
    }

    /// The width of text, summed per grapheme cluster.
    public static func of(_ text: some StringProtocol) -> Int {
        if let width = printableASCIIWidth(text.utf8) { return width }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// Most feed text is plain ASCII, where columns equal bytes; checking
    /// that is far cheaper than segmenting grapheme clusters.
    private static func printableASCIIWidth(_ utf8: some Collection<UInt8>) -> Int? {
        let isPrintable: (UInt8) -> Bool = { $0 &- 0x20 < 0x5F }
        let fast = utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintable) }
        return (fast ?? utf8.allSatisfy(isPrintable)) ? utf8.count : nil
    }

    /// Emoji that are drawn 1 column wide unless something asks for the
    /// emoji presentation.
    private static func isTextEmoji(_ scalar: Unicode.Scalar) -> Bool {
        rangeIndex(of: scalar.value, starts: WidthTable.textEmojiStarts, ends: WidthTable.textEmojiEnds) != nil
    }

    /// The index of the range containing `value`, by binary search over
    /// sorted, disjoint ranges.
    private static func rangeIndex(of value: UInt32, starts: [UInt32], ends: [UInt32]) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0, value <= ends[low - 1] else { return nil }
        return low - 1
    }
}
