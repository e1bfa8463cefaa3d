/// What is wrong with a search's text, said instead of matching nothing or
/// everything. `description` is the command line's wording; the reader says
/// it in its language through `UIText.searchError`.
public enum SearchSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `"` without the one that closes its phrase.
    case unclosedQuote
    /// `-` followed by a space or by nothing.
    case loneMinus
    /// `OR` at the start or the end, or two in a row.
    case orWithoutWord
    /// `OR` next to an excluded `-word`: "a or not b" is not a search.
    case orWithExcluded
    /// `title:` followed by a space or by nothing.
    case emptyField(String)
    /// `""`: a phrase without a word.
    case emptyPhrase
    /// Text with no letter or digit at all (`!!!`).
    case noWord

    public var description: String {
        switch self {
        case .unclosedQuote: "a quote \" is not closed; end the phrase with another \""
        case .loneMinus: "a - stands alone; write -word to leave out articles with that word"
        case .orWithoutWord: "OR needs a word on each side, as in \"kyiv OR kiev\""
        case .orWithExcluded: "OR cannot join an excluded -word; write the -word apart"
        case .emptyField(let field): "\(field): needs a word right after it, as in \(field):oekraine"
        case .emptyPhrase: "the phrase \"\" has no word in it"
        case .noWord: "the search has no word to look for (letters or digits)"
        }
    }
}
