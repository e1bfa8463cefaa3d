/// Reads a search's text into a `SearchQuery`, or says what is wrong with it.
///
/// Tokens are separated by spaces: a word, `"a phrase"`, either after
/// `title:` and/or `-`, or the operator `OR`. A token with no letter or
/// digit (`&`, `...`) is dropped, as the index has no such word; a search
/// left with no term at all is an error, never a view of everything.
public enum SearchParser {
    private enum Token {
        case term(SearchQuery.Term, excluded: Bool)
        case or
    }

    public static func parse(_ text: String) throws(SearchSyntaxError) -> SearchQuery {
        var clauses: [[SearchQuery.Term]] = []
        var excluded: [SearchQuery.Term] = []
        var pendingOr = false
        var lastWasExcluded = false
        for token in try tokens(of: text) {
            switch token {
            case .or:
                if lastWasExcluded { throw .orWithExcluded }
                guard !clauses.isEmpty, !pendingOr else { throw .orWithoutWord }
                pendingOr = true
            case .term(let term, let isExcluded):
                if isExcluded {
                    if pendingOr { throw .orWithExcluded }
                    excluded.append(term)
                } else if pendingOr {
                    clauses[clauses.count - 1].append(term)
                } else {
                    clauses.append([term])
                }
                pendingOr = false
                lastWasExcluded = isExcluded
            }
        }
        if pendingOr { throw .orWithoutWord }
        guard !clauses.isEmpty || !excluded.isEmpty else { throw .noWord }
        return SearchQuery(clauses: clauses, excluded: excluded)
    }

    private static func tokens(of text: String) throws(SearchSyntaxError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var i = 0
        func isSpace(_ index: Int) -> Bool { index >= characters.count || characters[index].isWhitespace }
        while i < characters.count {
            if characters[i].isWhitespace { i += 1; continue }
            var isExcluded = false
            if characters[i] == "-" {
                if isSpace(i + 1) { throw .loneMinus }
                isExcluded = true
                i += 1
            }
            var titleOnly = false
            let field = "title:"
            if i + field.count <= characters.count,
               String(characters[i..<(i + field.count)]).lowercased() == field {
                if isSpace(i + field.count) { throw .emptyField("title") }
                titleOnly = true
                i += field.count
            }
            let words: [String]
            let isPhrase: Bool
            if characters[i] == "\"" {
                guard let close = characters[(i + 1)...].firstIndex(of: "\"") else { throw .unclosedQuote }
                words = SearchWords.of(String(characters[(i + 1)..<close]))
                if words.isEmpty { throw .emptyPhrase }
                isPhrase = true
                i = close + 1
            } else {
                let start = i
                while i < characters.count, !characters[i].isWhitespace, characters[i] != "\"" { i += 1 }
                let raw = String(characters[start..<i])
                if raw == "OR" && !isExcluded && !titleOnly {
                    tokens.append(.or)
                    continue
                }
                words = SearchWords.of(raw)
                isPhrase = false
                if words.isEmpty {
                    // `-!!!` or `title:...` asks for something the index has no word for.
                    if isExcluded { throw .loneMinus }
                    if titleOnly { throw .emptyField("title") }
                    continue
                }
            }
            tokens.append(.term(SearchQuery.Term(words: words, isPhrase: isPhrase, titleOnly: titleOnly),
                                excluded: isExcluded))
        }
        return tokens
    }
}
