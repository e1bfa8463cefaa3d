import Foundation
import GRDB
import KrantCore
import KrantTestSupport
import Testing
@testable import KrantStore

/// A store this process may not write (its file, or its folder): refused to
/// writers in one line, opened as it is for readers, and nothing written or
/// created. `WriteProtection` makes the protection hold for root too.
@Suite struct ReadOnlyStoreTests {
    let directory: TemporaryDirectory
    let path: String
    let ids: [Int64]

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("krant.db")
        ids = try Sample.insert([Sample.article("Eerste", Sample.day(1), read: true),
                                 Sample.article("Tweede", Sample.day(2), starred: true)], into: ArticleStore(path: path))
    }

    /// Reads everything a reader reads, and tries every kind of write.
    private func expectReadableButNotWritable(_ store: ArticleStore, reason: String) throws {
        #expect(store.isReadOnly)
        #expect(store.access == .readOnly(reason: reason))
        #expect(try store.headlines(.all, limit: 10).map(\.title) == ["Tweede", "Eerste"])
        #expect(try store.counts(.all) == (2, 1))
        #expect(try store.article(id: ids[1])?.isStarred == true)
        #expect(try store.count(HeadlineQuery(search: "eerste")) == 1)
        _ = try store.externalChangeCounter()
        let refusal = StoreError.readOnly(path: path, reason: reason)
        #expect(throws: refusal) { try store.setRead([ids[1]], true) }
        #expect(throws: refusal) { try Sample.insert([Sample.article("Derde")], into: store) }
        #expect(throws: refusal) { try store.addFeed(url: "https://example.org/feed.xml") }
        #expect(throws: refusal) { try store.markAllRead(.all) }
        #expect(refusal.description == "the store \(path) is read-only (\(reason)); krant can show it but not change it")
    }

    @Test func aStoreWhoseFileCannotBeWrittenIsRefusedToWritersAndReadAsItIsByReaders() throws {
        let before = try directory.bytes("krant.db")
        let protection = try WriteProtection(path)
        defer { protection.lift() }
        #expect(throws: StoreError.readOnly(path: path, reason: "the file cannot be written")) {
            try ArticleStore(path: path)
        }
        try expectReadableButNotWritable(try ArticleStore(path: path, readOnlyAllowed: true),
                                          reason: "the file cannot be written")
        #expect(try directory.bytes("krant.db") == before)
    }

    /// No `-shm` can be created in a read-only folder, so SQLite reads the
    /// file as `immutable`; nothing appears beside it.
    @Test func aStoreInAFolderThatCannotBeWrittenIsReadWithoutCreatingAnything() throws {
        let before = try directory.bytes("krant.db")
        let protection = try WriteProtection(directory.path)
        defer { protection.lift() }
        #expect(throws: StoreError.readOnly(path: path, reason: "its folder cannot be written")) {
            try ArticleStore(path: path)
        }
        try expectReadableButNotWritable(try ArticleStore(path: path, readOnlyAllowed: true),
                                          reason: "its folder cannot be written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["krant.db"])
        #expect(try directory.bytes("krant.db") == before)
    }

    /// A writer that has the store open keeps its last commits in the
    /// `-wal`: a reader in the read-only folder reads through it and sees them.
    @Test func aReaderInAReadOnlyFolderSeesWhatAWriterStillHasInItsLog() throws {
        let writer = try ArticleStore(path: path)
        _ = try Sample.insert([Sample.article("Net binnen", Sample.day(3))], into: writer)
        #expect(directory.exists("krant.db-wal"))
        let protection = try WriteProtection(directory.path)
        defer { protection.lift() }
        let reader = try ArticleStore(path: path, readOnlyAllowed: true)
        #expect(reader.isReadOnly)
        #expect(try reader.headlines(.all, limit: 10).map(\.title) == ["Net binnen", "Tweede", "Eerste"])
    }

    /// SQLite reads `?`, `#` and `%` in a URI's path as its own; they are
    /// escaped, so such a folder opens as well.
    @Test func aFolderWhoseNameLooksLikeAURIOpensReadOnly() throws {
        let folder = directory.file("nieuws ?#%41 archief")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let odd = folder + "/krant.db"
        _ = try Sample.insert([Sample.article("Vreemd pad")], into: ArticleStore(path: odd))
        #expect(StoreAccess.immutableURI(odd).hasSuffix("/nieuws %3F%23%2541 archief/krant.db?immutable=1"))
        let protection = try WriteProtection(folder)
        defer { protection.lift() }
        let store = try ArticleStore(path: odd, readOnlyAllowed: true)
        #expect(try store.headlines(.all, limit: 10).map(\.title) == ["Vreemd pad"])
    }

    /// Upgrading a store means writing to it: one an older krant left is
    /// refused, with the reason, rather than read with queries it cannot answer.
    @Test func aReadOnlyStoreThatNeedsUpgradingIsRefusedWithTheReason() throws {
        let old = try directory.oldStore(upTo: "v6-article-counts") { _ in }
        let protection = try WriteProtection(old)
        defer { protection.lift() }
        #expect(throws: StoreError.readOnly(
            path: old, reason: "the file cannot be written; this krant must upgrade it, which means writing to it")) {
            try ArticleStore(path: old, readOnlyAllowed: true)
        }
    }

    @Test func accessIsDecidedByWhatThisProcessMayDo() throws {
        #expect(StoreAccess.of(path: path) == .readWrite)
        #expect(StoreAccess.of(path: directory.file("nog-niet.db")) == .readWrite)
        do {
            let protection = try WriteProtection(path)
            defer { protection.lift() }
            #expect(StoreAccess.of(path: path) == .readOnly(reason: "the file cannot be written"))
        }
        let protection = try WriteProtection(directory.path)
        defer { protection.lift() }
        #expect(StoreAccess.of(path: path) == .readOnly(reason: "its folder cannot be written"))
    }
}
