import Foundation
import GRDB
import KrantCore

/// A parsed search as SQL on `articles`: FTS5 does what it can, and what
/// the index cannot tell is checked on the article's own words.
///
/// The index has `detail=column` (see `ArticleSearch.create`): it knows
/// which column holds a word, so `title:` is a column filter, but not where
/// in it, so FTS5 refuses phrases of two or more words. Such a phrase is
/// asked of the index as its words (a superset), and the rows found are
/// checked by `krant_search_match` on the text the index was built from
/// (`ArticleSearch.bodyExpression`). Rebuilding the index with
/// `detail=full` would instead slow every import's indexing (it halved the
/// insert rate when measured) for a syntax few searches use.
enum SearchCondition {
    /// The filter for the search `text`. Text that does not parse matches
    /// nothing, never everything: mark-all-read must not mark the store
    /// after a mistyped search (the reader and `krant list` say what is
    /// wrong before they ask).
    ///
    /// With `walkingListOrder`, SQLite may not look the hits up by id: it
    /// walks the view's own index in list order and tests each row against
    /// them (see `SearchPlan`).
    static func filter(_ text: String, walkingListOrder: Bool = false) -> SQLExpression {
        guard let query = try? SearchParser.parse(text) else { return SQL(sql: "0").sqlExpression }
        var parts: [SQLExpression] = []
        let table = ArticleSearch.tableName
        if let positive = positiveMatch(query) {
            // Unary plus: the column is no longer one an index can look up.
            parts.append(SQL(sql: "\(walkingListOrder ? "+" : "")id IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?)",
                             arguments: [positive]).sqlExpression)
        }
        // An excluded phrase would exclude every row with its words in any
        // order, too many: only the check below leaves those out.
        let excluded = query.excluded.filter { !$0.needsOrder }.map(match)
        if !excluded.isEmpty {
            parts.append(SQL(sql: "id NOT IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?)",
                             arguments: [excluded.joined(separator: " OR ")]).sqlExpression)
        }
        if query.needsOrder {
            parts.append(SQL(sql: """
                EXISTS (SELECT 1 FROM \(ArticleBodies.tableName) AS body WHERE body.id = articles.id
                    AND \(matchFunctionName)(?, articles.title, \(ArticleSearch.bodyExpression("body"))))
                """, arguments: [text]).sqlExpression)
        }
        return parts.joined(operator: .and)
    }

    /// What the index is asked for: every clause, each any of its terms;
    /// nil for a search of excluded words only.
    static func positiveMatch(_ query: SearchQuery) -> String? {
        let positive = query.clauses.map { clause in "(" + clause.map(match).joined(separator: " OR ") + ")" }
        return positive.isEmpty ? nil : positive.joined(separator: " AND ")
    }

    /// The index's words when they are the whole search (no excluded word,
    /// no phrase to check in order): then the index's hits are the results.
    static func wholeMatch(_ text: String) -> String? {
        guard let query = try? SearchParser.parse(text), query.excluded.isEmpty, !query.needsOrder else { return nil }
        return positiveMatch(query)
    }

    /// The index's words of the search `text`, if it has any to look up.
    static func positiveMatch(_ text: String) -> String? {
        (try? SearchParser.parse(text)).flatMap(positiveMatch)
    }

    /// One term as FTS5 syntax: every word a quoted term (words hold only
    /// letters and digits, so no quote needs escaping), a prefix unless the
    /// term is a phrase, in the title column when the term says `title:`.
    private static func match(_ term: SearchQuery.Term) -> String {
        let words = term.words.map { (term.titleOnly ? "title : " : "") + "\"\($0)\"" + (term.isPhrase ? "" : "*") }
        return "(" + words.joined(separator: " AND ") + ")"
    }

    static let matchFunctionName = "krant_search_match"

    /// `krant_search_match(query, title, text)`: whether the article's
    /// words match the query (`SearchQuery.matches`), folded as the index
    /// folds them. Registered on every connection (`ArticleStore`).
    static let matchFunction = DatabaseFunction(matchFunctionName, argumentCount: 3, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]),
              let query = try? SearchParser.parse(text) else { return false }
        let title = String.fromDatabaseValue(values[1]) ?? ""
        let body = String.fromDatabaseValue(values[2]) ?? ""
        return query.folded(by: SearchFolding.fold)
            .matches(title: SearchFolding.words(title), body: SearchFolding.words(body))
    }
}

/// Case and accents off, as the index's `unicode61 remove_diacritics 2`
/// tokenizer does, for the words checked outside it.
public enum SearchFolding {
    /// The text decomposed (NFD), without its nonspacing marks, lower-cased.
    ///
    /// ASCII is lower-cased byte by byte and only the stretches between
    /// ASCII bytes go through the Unicode path, which gives the same text:
    /// every ASCII character is a starter, so no decomposition or reordering
    /// of combining marks reaches across one, and lower-casing is per scalar.
    /// Folding whole articles for a phrase search spent most of its time in
    /// the Unicode path.
    public static func fold(_ text: String) -> String {
        // Each stretch costs a trip through Foundation: text that is mostly
        // not ASCII (Greek, Cyrillic, Arabic between spaces) makes one trip.
        let bytes = text.utf8
        if bytes.reduce(0, { $0 + ($1 >= 0x80 ? 1 : 0) }) * 4 > bytes.count { return foldUnicode(Substring(text)) }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var stretchStart: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if let start = stretchStart {
                    folded.append(contentsOf: foldUnicode(text[start..<index]).utf8)
                    stretchStart = nil
                }
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if stretchStart == nil {
                stretchStart = index
            }
            bytes.formIndex(after: &index)
        }
        if let start = stretchStart { folded.append(contentsOf: foldUnicode(text[start...]).utf8) }
        return String(decoding: folded, as: UTF8.self)
    }

    private static func foldUnicode(_ text: Substring) -> String {
        let scalars = String(text).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    public static func words(_ text: String) -> [String] {
        SearchWords.of(fold(text))
    }
}
