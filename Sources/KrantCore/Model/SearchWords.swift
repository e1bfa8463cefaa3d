/// What counts as a word in a search: a run of letters and digits. The
/// store turns each into a prefix term of its full-text query, the reader
/// refuses a search without one, and the reader's test double matches by
/// them, so all three agree on what a user's text asks for.
public enum SearchWords {
    /// The words of `text`, in order, as written (no folding: the full-text
    /// index folds case and accents itself).
    public static func of(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
