import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

/// Emptying the write-ahead log is best effort: it must never hold the write
/// lock while it waits for a reader of another process. It did (for the
/// busy timeout), and a `krant index` started meanwhile failed with
/// "database is locked".
@Suite struct WriteAheadLogTests {
    @Test func truncatingDoesNotWaitForAReaderAndLeavesTheWaitForWritersAsItWas() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        _ = try Sample.insert([Sample.article("Eerste"), Sample.article("Tweede")], into: store)

        // Another process's reader, in the middle of a read.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let reader = try DatabaseQueue(path: store.path, configuration: configuration)
        try reader.inDatabase { db in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")
        }

        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            store.truncateWriteAheadLog()
            finished.signal()
        }
        // Waiting for the reader would take the store's whole busy timeout
        // (60 s): the limit here only keeps a regression from hanging the run.
        let returned = finished.wait(timeout: .now() + 30) == .success
        try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
        if !returned { finished.wait() }
        #expect(returned, "truncating waited for the reader")

        let timeout = try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA busy_timeout") }
        #expect(timeout == Int(ArticleStore.busyTimeout * 1000))
        #expect(try Sample.insert([Sample.article("Derde")], into: store).count == 1)
    }

    /// A bulk import's cache and checkpoint interval last for the import
    /// only, also when it fails, so the reader's writes never grow its
    /// memory by a 64 MB cache.
    @Test func bulkWriteSettingsLastForTheImportOnly() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        func settings() throws -> [Int] {
            try store.pool.writeWithoutTransaction { db in
                [try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0, try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0]
            }
        }
        #expect(try settings() == [-2000, 1000])
        let inside = try store.withBulkWrites {
            _ = try Sample.insert([Sample.article("Eerste")], into: store)
            return try settings()
        }
        #expect(inside == [-65536, 10_000])
        #expect(try settings() == [-2000, 1000])
        struct Failure: Error {}
        #expect(throws: Failure.self) { try store.withBulkWrites { throw Failure() } }
        #expect(try settings() == [-2000, 1000])
        #expect(try store.count(HeadlineQuery()) == 1)
    }
}
