import GRDB

/// Translates SQLite's failures at open time into messages a user can act on.
enum StoreErrorMapping {
    /// `existed` tells whether the file was there before krant tried to open
    /// it: failing to make a new store and failing to open an old one call
    /// for different fixes.
    static func openError(_ error: DatabaseError, path: String, existed: Bool) -> StoreError {
        let reason = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, reason: reason)
        default:
            return existed ? .cannotOpen(path: path, reason: reason) : .cannotCreate(path: path, reason: reason)
        }
    }
}

extension StoreError {
    /// One line for whatever a store call threw, for a report or a status
    /// bar: SQLite's own words, never the SQL statement it was running.
    public static func reason(for error: any Error) -> String {
        switch error {
        case let error as StoreError: error.description
        case let error as DatabaseError: "store error: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")"
        default: "store error: \(error)"
        }
    }
}
