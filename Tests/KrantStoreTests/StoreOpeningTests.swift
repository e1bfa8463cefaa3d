import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

@Suite struct StoreOpeningTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    @Test func migratesAnEmptyDirectoryIntoAWorkingStore() throws {
        let path = directory.file("nested/deeper/krant.db")
        let store = try ArticleStore(path: path)
        #expect(store.path == path)
        #expect(try store.isEmpty)

        let (tables, applied, journalMode, pageSize) = try store.pool.read { db in
            (try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        #expect(pageSize == 16_384)
        #expect(tables.isSuperset(of: ["feeds", "articles", "article_search", "articles_search_delete"]))
        #expect(applied == ["v1", "v2-links", "v3-feeds", "v4-contentless-search", "v5-deferred-work", "v6-article-counts",
                           "v7-converter-version", "v8-authors-enclosures", "v9-deleted-items", "v10-sync"])
        #expect(journalMode == "wal")

        let ids = try Sample.insert([Sample.article("Kabinet valt", body: "De coalitie breekt.")], into: store)
        let hits = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search WHERE article_search MATCH 'coalitie'")
        }
        #expect(hits == ids)
        #expect(try !store.isEmpty)
    }

    @Test func reopeningAStoreKeepsItsArticles() throws {
        let path = directory.file("krant.db")
        let ids = try Sample.insert([Sample.article("Eerste")], into: ArticleStore(path: path))
        let reopened = try ArticleStore(path: path)
        #expect(try reopened.article(id: ids[0])?.title == "Eerste")
        #expect(try reopened.count(.all) == 1)
    }

    /// One connection for a store in WAL mode, which it reads as it is; a
    /// pool for a new store and for one in another journal mode.
    @Test func oneConnectionIsForAStoreInWALModeOnly() throws {
        let fresh = try ArticleStore(path: directory.file("new.db"), connections: .single)
        #expect(fresh.connections == .pool)

        let path = directory.file("krant.db")
        let ids = try Sample.insert([Sample.article("Eerste")], into: ArticleStore(path: path))
        let writer = try ArticleStore(path: path)
        let single = try ArticleStore(path: path, connections: .single)
        #expect(single.connections == .single)
        #expect(single.pool.database is DatabaseQueue)
        #expect(try single.article(id: ids[0])?.title == "Eerste")
        // It sees what the pool commits, and the pool what it writes.
        let more = try Sample.insert([Sample.article("Tweede")], into: writer)
        #expect(try single.count(.all) == 2)
        _ = try single.setRead(more, true)
        #expect(try writer.count(HeadlineQuery(unreadOnly: true)) == 1)
        let (synchronous, cache) = try single.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA cache_size"))
        }
        #expect(synchronous == 1, "NORMAL, as a pool's writer")
        #expect(cache == ArticleStore.readerCacheSize)

        let rollback = directory.file("rollback.db")
        _ = try Sample.insert([Sample.article("Oud")], into: ArticleStore(path: rollback))
        let queue = try DatabaseQueue(path: rollback)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try queue.close()
        #expect(!ExistingStoreCheck.isInWALMode(path: rollback))
        let reopened = try ArticleStore(path: rollback, connections: .single)
        #expect(reopened.connections == .pool)
        #expect(try reopened.count(.all) == 1)
        #expect(ExistingStoreCheck.isInWALMode(path: rollback), "the pool put it back in WAL mode")
    }

    /// One connection checks the file as a pool's open does, before anything.
    @Test func oneConnectionRefusesAStoreANewerKrantMigrated() throws {
        let path = directory.file("newer.db")
        _ = try Sample.insert([Sample.article("Oud")], into: ArticleStore(path: path))
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999')") }
        try queue.close()
        #expect(ExistingStoreCheck.isInWALMode(path: path))
        let before = try directory.bytes("newer.db")
        #expect(throws: StoreError.newerSchema(path: path)) {
            try ArticleStore(path: path, connections: .single)
        }
        #expect(try directory.bytes("newer.db") == before)
    }

    @Test func aSecondStoreOnTheSameFileSeesNewArticles() throws {
        let path = directory.file("krant.db")
        let reader = try ArticleStore(path: path)
        #expect(try reader.count(.all) == 0)
        let writer = try ArticleStore(path: path)
        _ = try Sample.insert([Sample.article("Net binnen")], into: writer)
        #expect(try reader.headlines(.all, limit: 10).map(\.title) == ["Net binnen"])
    }

    @Test func refusesACorruptFileAndLeavesItByteIdentical() throws {
        let name = "corrupt.db"
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try garbage.write(to: URL(fileURLWithPath: directory.file(name)))

        #expect(throws: StoreError.notADatabase(path: directory.file(name), reason: "file is not a database")) {
            try ArticleStore(path: directory.file(name))
        }
        #expect(try directory.bytes(name) == garbage)
        #expect(!directory.exists(name + "-wal"))
        #expect(!directory.exists(name + "-shm"))
        let message = StoreError.notADatabase(path: directory.file(name), reason: "file is not a database").description
        #expect(message == "\(directory.file(name)) is not a krant database (file is not a database); it was left untouched")
    }

    /// SQLite's header with garbage behind it: a damaged database, not some
    /// other program's file (that never gets past the header check).
    @Test func refusesAFileWithAnSQLiteHeaderButNoDatabaseBehindItAsDamaged() throws {
        let name = "truncated.db"
        var bytes = Data("SQLite format 3\0".utf8)
        bytes.append(Data(repeating: 0xAB, count: 4080))
        try bytes.write(to: URL(fileURLWithPath: directory.file(name)))

        do {
            _ = try ArticleStore(path: directory.file(name))
            Issue.record("opened a corrupt database")
        } catch let StoreError.damaged(path, reason) {
            #expect(path == directory.file(name))
            #expect(!reason.isEmpty)
        }
        #expect(try directory.bytes(name) == bytes)
    }

    @Test func refusesAStoreMigratedByANewerKrantAndLeavesItUnchanged() throws {
        let name = "newer.db"
        _ = try Sample.insert([Sample.article("Oud")], into: ArticleStore(path: directory.file(name)))
        let queue = try DatabaseQueue(path: directory.file(name))
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999')")
        }
        try queue.close()
        let before = try directory.bytes(name)

        #expect(throws: StoreError.newerSchema(path: directory.file(name))) {
            try ArticleStore(path: directory.file(name))
        }
        #expect(try directory.bytes(name) == before)
        #expect(!directory.exists(name + "-wal"))
        #expect(!directory.exists(name + "-shm"))
        #expect(StoreError.newerSchema(path: "/x/krant.db").description
                == "/x/krant.db was written by a newer krant; upgrade krant (the file was left untouched)")
    }

    @Test func refusesAnotherProgramsDatabase() throws {
        let name = "other.db"
        let queue = try DatabaseQueue(path: directory.file(name))
        try queue.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        try queue.close()
        let before = try directory.bytes(name)

        #expect(throws: StoreError.notADatabase(path: directory.file(name),
                                                reason: "it holds another program's tables")) {
            try ArticleStore(path: directory.file(name))
        }
        #expect(try directory.bytes(name) == before)
    }

    @Test func acceptsAnEmptyFileAsANewStore() throws {
        #expect(FileManager.default.createFile(atPath: directory.file("empty.db"), contents: Data()))
        let store = try ArticleStore(path: directory.file("empty.db"))
        #expect(try store.count(.all) == 0)
        #expect(try store.categories() == [])
    }

    @Test func reportsAPathThatCannotBeCreated() throws {
        let blocker = directory.file("a-file")
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let path = blocker + "/sub/krant.db"
        #expect(throws: StoreError.cannotCreate(
            path: path, reason: "its directory \(blocker)/sub cannot be created")) {
            try ArticleStore(path: path)
        }
    }

    @Test func reportsADirectoryInPlaceOfTheDatabase() throws {
        #expect(throws: StoreError.cannotOpen(path: directory.path, reason: "it is a directory")) {
            try ArticleStore(path: directory.path)
        }
    }
}
