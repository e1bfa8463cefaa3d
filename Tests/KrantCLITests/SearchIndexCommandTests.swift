import Foundation
import KrantStore
import KrantTestSupport
import Testing

/// A large import returns once its articles are stored; the search index
/// catches up in a background process (`krant index --background`).
@Suite struct SearchIndexCommandTests {
    /// More items than `IndexCommand.foregroundLimit` (5,000), with one
    /// planted word.
    static func largeFeed(in krant: borrowing KrantRunner) throws -> String {
        var items = (1...5_100).map { (guid: "g\($0)", title: "Bericht \($0)") }
        items[4_321].title = "Walvisstranding bij Texel"
        let path = krant.directory.appendingPathComponent("groot.xml").path
        try SampleFeed.rss(items: items).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let patience: Duration = .seconds(60)

    @Test func aLargeImportIsIndexedInTheBackground() throws {
        let krant = try KrantRunner()
        let imported = try krant.run(["import", try Self.largeFeed(in: krant)])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("imported 5100 new"))
        #expect(imported.stdout.contains("indexing 5100 articles for search in the background (krant index waits for it)"))
        #expect(imported.stderr.isEmpty)

        // Nothing else indexes here: only the background process can empty the backlog.
        let store = try ArticleStore(path: krant.databasePath)
        let deadline = ContinuousClock.now + Self.patience
        while try store.searchBacklog() > 0 && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try store.searchBacklog() == 0)
        let found = try krant.run(["list", "--search", "walvisstranding"])
        #expect(found.stdout.contains("Walvisstranding bij Texel"))
        #expect(try krant.run(["index"]).stdout == "search index is up to date\n")
    }

    @Test func theIndexCommandReturnsOnlyWhenTheBackgroundIndexerIsGone() throws {
        let krant = try KrantRunner()
        let imported = try krant.run(["import", try Self.largeFeed(in: krant)])
        #expect(imported.stdout.contains("in the background"))
        // At once, while the background indexer works: the two share the
        // backlog, and `krant index` returns when the other has exited.
        let index = try krant.run(["index"])
        #expect(index.status == 0)
        let lock = open(krant.databasePath + "-index.lock", O_RDONLY)
        #expect(lock >= 0)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0, "an indexer still holds the lock")
        close(lock)
        let store = try ArticleStore(path: krant.databasePath)
        #expect(try store.searchBacklog() == 0)
        #expect(try krant.run(["list", "--search", "walvisstranding", "--count"]).stdout == "1\n")
    }

    @Test func theIndexCommandWaitsWhileAnIndexerHoldsTheLock() throws {
        let krant = try KrantRunner()
        #expect(try krant.run(["import", KrantRunner.sampleArticle]).status == 0)
        // The test holds the lock as a running background indexer would.
        let lock = open(krant.databasePath + "-index.lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(lock, LOCK_EX) == 0)
        let index = try krant.start(["index"])
        Thread.sleep(forTimeInterval: 1)
        #expect(index.isRunning, "krant index returned while an indexer ran")
        flock(lock, LOCK_UN)
        close(lock)
        let deadline = ContinuousClock.now + Self.patience
        while index.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!index.isRunning)
        #expect(index.terminationStatus == 0)
    }

    @Test func indexNowWaitsAndASearchNeverMissesWaitingArticles() throws {
        let krant = try KrantRunner()
        let feed = try Self.largeFeed(in: krant)
        let imported = try krant.run(["import", "--index-now", feed])
        #expect(imported.status == 0)
        #expect(!imported.stdout.contains("background"))
        let store = try ArticleStore(path: krant.databasePath)
        #expect(try store.searchBacklog() == 0)

        // Articles stored without the index (as a killed indexer leaves
        // them) are indexed by the next search before it looks.
        let feedID = try #require(try store.feeds().first?.id)
        _ = try store.upsertFeedArticles(
            [.init(title: "Zeearend gespot", origin: .feed(url: "file:///x", guid: "extra"))],
            feedID: feedID, indexing: .later)
        #expect(try store.searchBacklog() == 1)
        #expect(try krant.run(["list", "--search", "zeearend"]).stdout.contains("Zeearend gespot"))
        #expect(try store.searchBacklog() == 0)

        _ = try store.upsertFeedArticles(
            [.init(title: "Tweede zeearend", origin: .feed(url: "file:///x", guid: "extra2"))],
            feedID: feedID, indexing: .later)
        #expect(try krant.run(["index"]).stdout == "indexed 1 article for search\n")
    }
}
