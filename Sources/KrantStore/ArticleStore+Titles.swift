import GRDB

extension ArticleStore {
    /// The titles of the given articles, in the order of `ids` (missing ones
    /// left out): what a notification after a fetch names.
    public func titles(ids: [Int64]) throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let found = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, title FROM articles WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                             arguments: StatementArguments(ids))
                .reduce(into: [Int64: String]()) { $0[$1["id"]] = $1["title"] }
        }
        return ids.compactMap { found[$0] }
    }
}
