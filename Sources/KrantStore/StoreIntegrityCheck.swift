import GRDB

/// What SQLite's integrity check finds in a store (`krant check`).
public struct StoreIntegrityCheck: Sendable {
    public let path: String
    /// SQLite's findings, in its words (a page that cannot be read, a row
    /// missing from an index), at most `limit` of them; empty when the store
    /// is whole.
    public let problems: [String]

    public var isIntact: Bool { problems.isEmpty }

    /// Runs `PRAGMA integrity_check` on the store at `path` without writing
    /// to it or creating anything beside it (`StoreAccess.openReadOnly`), so
    /// it can be run on a damaged or read-only store, and while the reader
    /// has the store open.
    ///
    /// SQLite may stop half-way through a damaged file with an error of its
    /// own instead of a finding: that error is the last finding.
    public static func run(path: String, limit: Int = 100) throws -> StoreIntegrityCheck {
        guard try ExistingStoreCheck.holdsADatabase(path: path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no store there")
        }
        var configuration = Configuration()
        configuration.label = "krant.integrity-check"
        configuration.busyMode = .timeout(ArticleStore.busyTimeout)
        var problems: [String] = []
        do {
            let pool = try StoreAccess.openReadOnly(path: path, configuration: configuration, preferSnapshot: true)
            // Not `read`: its transaction's COMMIT would report the damage again.
            try pool.unsafeRead { db in
                let cursor = try String.fetchCursor(db, sql: "PRAGMA integrity_check(\(limit))")
                do {
                    // One row may hold several findings, a line each.
                    while let finding = try cursor.next(), finding != "ok" {
                        problems += finding.split(separator: "\n").map(String.init)
                            .filter { !$0.hasPrefix("*** in database") }
                    }
                } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
                    problems.append("SQLite stopped: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
                }
            }
        } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
            problems.append("SQLite cannot read it: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        } catch let error as DatabaseError {
            throw StoreErrorMapping.openError(error, path: path, existed: true)
        }
        return StoreIntegrityCheck(path: path, problems: problems)
    }
}
