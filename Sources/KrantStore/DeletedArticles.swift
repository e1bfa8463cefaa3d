import GRDB

/// Articles as they were just before a delete, row for row, so undo can put
/// them back exactly: same id (and so the same place in every list), read
/// and starred state, body, and search words.
public struct DeletedArticles: Sendable, Hashable {
    /// One stored row: its column names and values.
    struct StoredRow: Sendable, Hashable {
        var columns: [String]
        var values: [DatabaseValue]

        init(_ row: Row) {
            columns = Array(row.columnNames)
            values = Array(row.databaseValues)
        }

        subscript(_ column: String) -> DatabaseValue {
            columns.firstIndex(of: column).map { values[$0] } ?? .null
        }
    }

    var articles: [StoredRow]
    var bodies: [StoredRow]

    /// The ids of the articles deleted (those that existed).
    public var ids: [Int64] { articles.compactMap { Int64.fromDatabaseValue($0["id"]) } }
    public var isEmpty: Bool { articles.isEmpty }
}
