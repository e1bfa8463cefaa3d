import GRDB

/// The full-text index: one row per article, rowid = article id.
enum ArticleSearch {
    static let tableName = "article_search"

    /// Writes the index row in the caller's transaction, so an article is
    /// never stored without being searchable (or the other way round).
    static func index(id: Int64, title: String, body: String, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO \(tableName) (rowid, title, body) VALUES (?, ?, ?)")
        try statement.execute(arguments: [id, title, body])
    }

    /// Replaces the index row of an article whose text changed, in the
    /// caller's transaction.
    static func reindex(id: Int64, title: String, body: String, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "UPDATE \(tableName) SET title = ?, body = ? WHERE rowid = ?")
        try statement.execute(arguments: [title, body, id])
    }

    /// An FTS5 query that matches every word of the user's text as a prefix,
    /// or `nil` when the text holds no word.
    ///
    /// User text is never passed as FTS5 syntax: a stray `"`, `(`, `AND`,
    /// `NEAR` or `-` would be an error or change the meaning. Words are
    /// runs of letters and digits; each becomes a quoted prefix term,
    /// `"word"*`, and the terms are ANDed by juxtaposition.
    static func pattern(for text: String) -> String? {
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
        guard !words.isEmpty else { return nil }
        // Words hold only letters and digits, so no quote needs escaping.
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
