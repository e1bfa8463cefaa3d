/// What counts as a word in a search: a run of letters and digits. The
/// store turns each into a prefix term of its full-text query, the reader
/// refuses a search without one, and the reader's test double matches by
/// them, so all three agree on what a user's text asks for.
public enum SearchWords {
    /// The words of `text`, in order, as written (no folding: the full-text
    /// index folds case and accents itself).
    ///
    /// A word is a run of characters (grapheme clusters) that are letters or
    /// digits. ASCII is read byte by byte: two ASCII bytes in a row are two
    /// characters (CR LF is one, but neither is a letter), and a character is
    /// an ASCII letter or digit by its byte. Only the stretches where ASCII
    /// meets other text, from the ASCII byte before to the ASCII byte after,
    /// are split into characters, since a mark may join the byte before it
    /// and a prepended sign the byte after. A phrase search splits every
    /// article it checks; per character, that was most of its time.
    public static func of(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func endWord() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte < 0x80 && (next == bytes.endIndex || bytes[next] < 0x80) {
                if isASCIIWordByte(byte) { current.append(byte) } else { endWord() }
                index = next
                continue
            }
            // The mixed stretch: up to and including the first ASCII byte,
            // after some other text, that another ASCII byte (or the end) follows.
            var end = next
            var sawOther = byte >= 0x80
            while end != bytes.endIndex {
                let candidate = bytes[end]
                let after = bytes.index(after: end)
                if candidate >= 0x80 {
                    sawOther = true
                } else if sawOther && (after == bytes.endIndex || bytes[after] < 0x80) {
                    end = after
                    break
                }
                end = after
            }
            for character in text[index..<end] {
                if isWordCharacter(character) { current.append(contentsOf: character.utf8) } else { endWord() }
            }
            index = end
        }
        endWord()
        return words
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
    }

    /// A letter or a digit; an ASCII character by its byte (the only ASCII
    /// letters and numbers are A-Z, a-z and 0-9).
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue, character.utf8.count == 1 { return isASCIIWordByte(ascii) }
        return character.isLetter || character.isNumber
    }
}
