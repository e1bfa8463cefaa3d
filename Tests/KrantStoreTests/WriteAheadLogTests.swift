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
    /// only, also when it fails or nests, and what was set before comes
    /// back, so the reader's writes never grow its memory by a 64 MB cache.
    @Test func bulkWriteSettingsLastForTheBulkWriteOnly() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.file("krant.db"))
        func settings() throws -> WriterSettings {
            try store.pool.writeWithoutTransaction { db in try WriterSettings.read(db) }
        }
        let before = try settings()
        #expect(before != WriterSettings.bulk)
        let inside = try store.withBulkWrites {
            _ = try Sample.insert([Sample.article("Eerste")], into: store)
            let nested = try store.withBulkWrites { try settings() }
            return [nested, try settings()]
        }
        #expect(inside == [WriterSettings.bulk, WriterSettings.bulk])
        #expect(try settings() == before)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try store.withBulkWrites { throw Failure() } }
        #expect(try settings() == before)
        // Settings of its own come back as they were.
        let own = WriterSettings(cacheSize: -3000, checkpointPages: 500)
        try store.pool.writeWithoutTransaction { db in try own.apply(db) }
        try store.withBulkWrites {}
        #expect(try settings() == own)
        #expect(try store.count(HeadlineQuery()) == 1)
    }
}
