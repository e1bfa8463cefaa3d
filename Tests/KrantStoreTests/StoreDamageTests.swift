import Foundation
import GRDB
import KrantCore
import KrantTestSupport
import Testing
@testable import KrantStore

/// A store damaged inside the file (garbage over pages of one b-tree): said
/// in one line, written no more, read as far as it can be, checked, repaired.
@Suite struct StoreDamageTests {
    /// A store of 1,000 articles (every tenth read, every seventh starred)
    /// with garbage over some leaves of one table; `lost` are the ids of
    /// the articles on them.
    struct DamagedStore {
        let directory: TemporaryDirectory
        let path: String
        let all: [Int64]
        let lost: Set<Int64>
        var kept: [Int64] { all.filter { !lost.contains($0) } }
    }

    static func damagedStore(table: String = "articles", leaves choose: ([Int]) -> [Int]) throws -> DamagedStore {
        let directory = try TemporaryDirectory()
        let path = directory.file("krant.db")
        let all: [Int64]
        do {
            let store = try ArticleStore(path: path)
            let articles = (1...1_000).map { number in
                Sample.article("Bericht \(number)", Sample.day(1 + number % 28, number % 24), body: "Zeehond \(number).",
                               read: number % 10 == 0, starred: number % 7 == 0)
            }
            all = try Sample.insert(articles, into: store)
        }
        let leaves = try StorePages.leaves(of: table, in: path)
        #expect(leaves.count >= 4, "too few pages to damage some and keep others")
        let damaged = choose(leaves)
        var lost = Set<Int64>()
        if table == "articles" || table == "article_bodies" {
            for page in damaged { lost.formUnion(try StorePages.rowids(inLeaf: page, of: path)) }
        }
        try StorePages.overwrite(damaged, of: path)
        return DamagedStore(directory: directory, path: path, all: all, lost: lost)
    }

    static func middle(_ leaves: [Int]) -> [Int] { [leaves[leaves.count / 2]] }

    @Test func aReadThatMeetsTheDamageSaysSoInOneLineNamingTheStore() throws {
        let damaged = try Self.damagedStore(leaves: Self.middle)
        let store = try ArticleStore(path: damaged.path)
        let lost = try #require(damaged.lost.min())
        do {
            _ = try store.article(id: lost)
            Issue.record("read a damaged page")
        } catch let error as StoreError {
            #expect(error == .damaged(path: damaged.path, reason: "database disk image is malformed"))
            let line = error.description
            #expect(!line.contains("\n") && !line.contains("SELECT"))
            #expect(line.hasPrefix("store damaged: \(damaged.path) (database disk image is malformed)"))
            #expect(line.contains("krant repair"))
        }
        #expect(store.damage != nil)
        #expect(try store.article(id: damaged.kept[0])?.title == "Bericht 1")
    }

    /// Once SQLite reported damage, a write that would not itself meet it
    /// is refused too: nothing more goes into a damaged file.
    @Test func afterTheDamageNothingIsWritten() throws {
        let damaged = try Self.damagedStore(leaves: Self.middle)
        let intact = damaged.kept[0]
        do {
            let store = try ArticleStore(path: damaged.path)
            #expect(throws: StoreError.self) { try store.headlines(.all, limit: 2_000) }
            #expect(throws: StoreError.damaged(path: damaged.path, reason: "database disk image is malformed")) {
                try store.setRead([intact], true)
            }
            #expect(throws: StoreError.self) { try Sample.insert([Sample.article("Nieuw")], into: store) }
        }
        let reopened = try ArticleStore(path: damaged.path)
        #expect(try reopened.article(id: intact)?.isRead == false)
        #expect(try reopened.contains(identity: Sample.entry(Sample.article("Nieuw")).identity) == false)
    }

    /// The reader's windows go on: each article SQLite cannot read keeps its
    /// place as a headline that says so, and the damage is noted for the
    /// status bar.
    @Test func theReadersWindowsStepOverUnreadableArticles() throws {
        let damaged = try Self.damagedStore(leaves: Self.middle)
        let store = try ArticleStore(path: damaged.path)
        let source: any ReaderDataSource = store
        let window = try source.headlines(.all, offset: 0, limit: 2_000)
        #expect(window.count == damaged.all.count)
        #expect(Set(window.filter { $0.title == ArticleStore.unreadableTitle }.map(\.id)) == damaged.lost)
        #expect(window.filter { $0.title != ArticleStore.unreadableTitle }.allSatisfy { $0.title == "Bericht \($0.id)" })
        #expect(store.damage != nil)

        let bottom = try source.headlines(.all, fromEnd: 0, limit: 2_000)
        #expect(bottom.map(\.id) == window.map(\.id))
        let anchor = try #require(damaged.lost.min())
        let below = try #require(try source.headlines(.all, from: anchor, forward: true, skip: 0, limit: 2_000))
        #expect(below.first?.id == anchor)
        #expect(below.map(\.id) == Array(window.map(\.id).drop { $0 != anchor }))
    }

    @Test func theIntegrityCheckSaysWhichPageIsDamaged() throws {
        var page = 0
        let damaged = try Self.damagedStore(leaves: { leaves in
            page = leaves[leaves.count / 2]
            return [page]
        })
        let check = try StoreIntegrityCheck.run(path: damaged.path)
        #expect(!check.isIntact)
        #expect(check.problems.contains { $0.contains("Page \(page)") }, "\(check.problems)")

        let whole = try TemporaryDirectory()
        _ = try Sample.insert([Sample.article("Heel")], into: ArticleStore(path: whole.file("krant.db")))
        #expect(try StoreIntegrityCheck.run(path: whole.file("krant.db")).isIntact)
    }

    /// Rows before, between and after damaged stretches (the first leaf, one
    /// in the middle, the last) are all read; none on them is.
    @Test func aSalvageReadsEveryRowOutsideTheDamagedPages() throws {
        let damaged = try Self.damagedStore { leaves in [leaves[0], leaves[leaves.count / 2], leaves[leaves.count - 1]] }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: damaged.path, configuration: configuration)
        var read: [Int64] = []
        let stretches = try queue.inDatabase { db in
            try RowSalvage(table: "articles", columns: ["id", "title"]).forEachReadableRow(in: db) { values in
                read.append(Int64.fromDatabaseValue(values[0])!)
                #expect(String.fromDatabaseValue(values[1]) == "Bericht \(read.last!)")
            }
        }
        #expect(read == damaged.kept)
        #expect(stretches == 3)
    }

    @Test func aRepairCopiesEveryReadableArticleWithItsStateAndLeavesTheDamagedFileAlone() throws {
        let damaged = try Self.damagedStore(leaves: Self.middle)
        let before = try damaged.directory.bytes("krant.db")
        let report = try StoreRepair.repair(path: damaged.path)
        #expect(report.target == damaged.directory.file("krant-repaired.db"))
        #expect(report.articles == damaged.kept.count)
        #expect(report.expectedArticles == 1_000)
        #expect(report.damagedStretches == 1)
        #expect(try damaged.directory.bytes("krant.db") == before)
        #expect(!damaged.directory.exists("krant.db-wal") && !damaged.directory.exists("krant.db-shm"))

        let repaired = try ArticleStore(path: report.target)
        let headlines = try repaired.headlines(.all, limit: 2_000)
        #expect(headlines.map(\.id).sorted() == damaged.kept)
        for headline in headlines {
            #expect(headline.title == "Bericht \(headline.id)")
            #expect(headline.isRead == (headline.id % 10 == 0))
            #expect(headline.isStarred == (headline.id % 7 == 0))
        }
        #expect(try repaired.counts(.all) == (damaged.kept.count, damaged.kept.count { $0 % 10 != 0 }))
        #expect(try repaired.count(HeadlineQuery(search: "zeehond")) == damaged.kept.count)
        #expect(try StoreIntegrityCheck.run(path: report.target).isIntact)
        // The ids of lost articles are never given to new ones.
        #expect(try Sample.insert([Sample.article("Na het herstel")], into: repaired) == [1_001])
    }

    /// An article whose body is lost cannot be shown: it goes, with its body's
    /// neighbours' articles kept whole.
    @Test func aRepairLeavesOutArticlesWhoseBodiesWereLost() throws {
        let damaged = try Self.damagedStore(table: "article_bodies", leaves: Self.middle)
        #expect(!damaged.lost.isEmpty)
        let report = try StoreRepair.repair(path: damaged.path)
        let repaired = try ArticleStore(path: report.target)
        let ids = try repaired.headlines(.all, limit: 2_000).map(\.id).sorted()
        #expect(ids == damaged.kept)
        for id in ids { #expect(try repaired.article(id: id)?.title == "Bericht \(id)") }
        #expect(report.orphans == damaged.lost.count)
    }

    @Test func aRepairNeverOverwritesAFile() throws {
        let damaged = try Self.damagedStore(leaves: Self.middle)
        #expect(FileManager.default.createFile(atPath: damaged.directory.file("krant-repaired.db"), contents: Data("x".utf8)))
        #expect(try StoreRepair.repair(path: damaged.path).target == damaged.directory.file("krant-repaired-2.db"))
        #expect(throws: StoreError.self) {
            try StoreRepair.repair(path: damaged.path, into: damaged.directory.file("krant-repaired.db"))
        }
        #expect(try damaged.directory.bytes("krant-repaired.db") == Data("x".utf8))
    }
}
