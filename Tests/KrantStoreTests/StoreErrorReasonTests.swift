import GRDB
import Testing
@testable import KrantStore

/// What a user sees of a failed store call: SQLite's reason, never its SQL.
@Suite struct StoreErrorReasonTests {
    @Test func aDatabaseErrorIsSaidWithoutItsStatement() throws {
        let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked",
                                 sql: "BEGIN IMMEDIATE TRANSACTION")
        #expect("\(busy)".contains("BEGIN IMMEDIATE"))
        #expect(StoreError.reason(for: busy) == "store error: database is locked")
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        #expect(store.describe(busy) == "store error: database is locked")
        #expect(StoreError.reason(for: StoreError.noSuchFeed("7")) == "no such feed: 7")
    }
}
