import Foundation
import KrantCore
@testable import KrantStore
import KrantSync
import Testing

/// An import that leaves the index for later writes with the bulk settings
/// (`ArticleStore.withBulkWrites`), and only while it runs; one that
/// indexes as it goes keeps the writer as it was.
@Suite struct BulkImportTests {
    @Test(arguments: [SearchIndexing.later, .now])
    func theBulkSettingsLastForAnImportThatIndexesLater(indexing: SearchIndexing) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("krant-bulk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(IngestionTests.article.utf8).write(to: URL(fileURLWithPath: folder + "/dijken.txt"))
        // Not an article: rejected while the import runs, which is when the
        // settings are read.
        try Data("\n".utf8).write(to: URL(fileURLWithPath: folder + "/leeg.txt"))
        let store = try ArticleStore(path: folder + "/krant.db")
        func settings() throws -> WriterSettings {
            try store.pool.writeWithoutTransaction { db in try WriterSettings.read(db) }
        }
        let before = try settings()
        var during: [WriterSettings] = []
        var ingestion = Ingestion(store: store)
        ingestion.indexing = indexing
        let report = try ingestion.importPaths([folder]) { _, _ in during.append((try? settings()) ?? before) }
        #expect(report.inserted == 1 && report.rejected.count == 1)
        #expect(during == [indexing == .later ? WriterSettings.bulk : before])
        #expect(try settings() == before)
    }
}
