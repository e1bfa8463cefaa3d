/// A search, parsed: words (matched as prefixes), `"exact phrases"`,
/// `title:` terms, `OR` between terms and `-excluded` terms. The store
/// turns it into an FTS5 query; the reader's test double evaluates it with
/// `matches`, as does the store for what FTS5 cannot check itself (phrases).
///
/// Juxtaposed terms must all match; `OR` binds tighter, so
/// `oekraine OR kyiv oorlog` is (oekraine or kyiv) and oorlog, as in web
/// search engines. `OR` is an operator only in capitals; `or` is a word.
public struct SearchQuery: Hashable, Sendable {
    /// One word, phrase or run of words written together (`covid-19` is the
    /// words `covid` and `19`, both required).
    public struct Term: Hashable, Sendable {
        /// As written (`SearchWords`); `folded(by:)` folds them.
        public var words: [String]
        /// Whole words, one after the other; otherwise each word is a prefix
        /// and they may stand anywhere.
        public var isPhrase: Bool
        public var titleOnly: Bool

        public init(words: [String], isPhrase: Bool = false, titleOnly: Bool = false) {
            self.words = words
            self.isPhrase = isPhrase
            self.titleOnly = titleOnly
        }

        /// A phrase of two or more words: FTS5 with `detail=column` cannot
        /// check the order, only that the words are there.
        public var needsOrder: Bool { isPhrase && words.count > 1 }
    }

    /// Every clause must match; a clause matches when any of its terms does.
    public var clauses: [[Term]]
    /// No article with any of these matches.
    public var excluded: [Term]

    public init(clauses: [[Term]], excluded: [Term] = []) {
        self.clauses = clauses
        self.excluded = excluded
    }

    /// Whether some term's word order must be checked on the text itself.
    public var needsOrder: Bool {
        clauses.contains { $0.contains(where: \.needsOrder) } || excluded.contains(where: \.needsOrder)
    }

    /// The same query with every word put through `fold` (lower case,
    /// accents off), to compare with words folded the same way.
    public func folded(by fold: (String) -> String) -> SearchQuery {
        func foldTerm(_ term: Term) -> Term {
            var term = term
            term.words = term.words.flatMap { SearchWords.of(fold($0)) }
            return term
        }
        return SearchQuery(clauses: clauses.map { $0.map(foldTerm) }, excluded: excluded.map(foldTerm))
    }

    /// Whether an article with these (folded) title and text words matches
    /// this (folded) query, as the store's index would.
    public func matches(title: [String], body: [String]) -> Bool {
        clauses.allSatisfy { clause in clause.contains { Self.term($0, title: title, body: body) } }
            && !excluded.contains { Self.term($0, title: title, body: body) }
    }

    private static func term(_ term: Term, title: [String], body: [String]) -> Bool {
        if term.isPhrase {
            return contains(title, run: term.words) || (!term.titleOnly && contains(body, run: term.words))
        }
        return term.words.allSatisfy { prefix in
            title.contains { $0.hasPrefix(prefix) } || (!term.titleOnly && body.contains { $0.hasPrefix(prefix) })
        }
    }

    private static func contains(_ words: [String], run: [String]) -> Bool {
        guard !run.isEmpty, words.count >= run.count else { return false }
        return (0...(words.count - run.count)).contains { start in
            run.indices.allSatisfy { words[start + $0] == run[$0] }
        }
    }
}
