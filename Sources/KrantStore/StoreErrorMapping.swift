import GRDB

/// Translates SQLite's failures into messages a user can act on.
enum StoreErrorMapping {
    /// `existed` tells whether the file was there before krant tried to open
    /// it: failing to make a new store and failing to open an old one call
    /// for different fixes.
    static func openError(_ error: DatabaseError, path: String, existed: Bool) -> StoreError {
        if let mapped = storeError(error, path: path) { return mapped }
        let reason = error.message ?? "\(error.resultCode)"
        return existed ? .cannotOpen(path: path, reason: reason) : .cannotCreate(path: path, reason: reason)
    }

    /// The store's own failures: a damaged file and one that cannot be
    /// written, whichever statement met them. Nil for the rest (a busy
    /// store, a constraint), which `StoreError.reason(for:)` words.
    ///
    /// SQLITE_NOTADB counts as damage, not as someone else's file: a file
    /// without SQLite's header never reaches SQLite (`ExistingStoreCheck`),
    /// so one that has it and still is "not a database" is a damaged one.
    static func storeError(_ error: DatabaseError, path: String) -> StoreError? {
        if isDamage(error) { return .damaged(path: path, reason: reason(error)) }
        if error.resultCode == .SQLITE_READONLY { return .readOnly(path: path, reason: reason(error)) }
        return nil
    }

    /// Whether SQLite found the file damaged: SQLITE_CORRUPT (and its
    /// extended codes, such as a damaged search index's) or SQLITE_NOTADB.
    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    private static func reason(_ error: DatabaseError) -> String {
        error.message ?? "SQLite error \(error.resultCode.rawValue)"
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
