import Foundation
import KrantContent
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

    /// A store whose index another krant built, with other rules for an
    /// article's words: opening it empties the index, and `krant index`
    /// rebuilds it and says so.
    @Test func anIndexBuiltByAnotherVersionIsRebuilt() throws {
        let krant = try KrantRunner()
        let path = krant.directory.appendingPathComponent("klein.xml").path
        try SampleFeed.rss(items: [("a", "Walvisstranding bij Texel"), ("b", "Storm op zee")])
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try krant.run(["import", path]).status == 0)
        let other = ContentConverter(version: ContentConverter.currentVersion + 1) { credit, text, html in
            HTMLBody.searchableText(leadCredit: credit, leadText: text, html: html) + " anderewoord"
        }
        do {
            let store = try ArticleStore(path: krant.databasePath, converter: other)
            #expect(try store.catchUpSearch() == 2)
        }
        let index = try krant.run(["index"])
        #expect(index.status == 0)
        #expect(index.stdout == "rebuilt the search index for this version of krant\n")
        #expect(index.stderr.isEmpty)
        #expect(try krant.run(["list", "--search", "waterschappen", "--count"]).stdout == "2\n")
        #expect(try krant.run(["list", "--search", "anderewoord", "--count"]).stdout == "0\n")
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

    /// The kernel lists a process blocked in `flock` in /proc/locks (as
    /// `-> FLOCK ... PID MAJ:MIN:INODE`): that, not an elapsed second, shows
    /// `krant index` is waiting on the lock rather than slow to start.
    @Test func theIndexCommandWaitsWhileAnIndexerHoldsTheLock() throws {
        let krant = try KrantRunner()
        #expect(try krant.run(["import", KrantRunner.sampleArticle]).status == 0)
        // The test holds the lock as a running background indexer would.
        let lockPath = krant.databasePath + "-index.lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(lock >= 0)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX) == 0)
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: lockPath)[.systemFileNumber] as? Int)
        let index = try krant.start(["index"])

        let deadline = ContinuousClock.now + KrantRunner.patience
        while try !Self.isBlockedOnLock(pid: index.pid, inode: inode) {
            if let status = try index.exitStatus() {
                Issue.record("krant index exited (\(status)) while an indexer held the lock: \(index.outputSoFar)")
                return
            }
            try #require(ContinuousClock.now < deadline, "krant index never blocked on the lock: \(index.outputSoFar)")
            Thread.sleep(forTimeInterval: 0.02)
        }
        // Blocked, it has neither finished nor said anything yet.
        #expect(try index.exitStatus() == nil)
        #expect(index.outputSoFar.stdout.isEmpty)

        flock(lock, LOCK_UN)
        let output = try index.wait(timeout: KrantRunner.patience)
        #expect(output.status == 0)
        #expect(output.stdout == "search index is up to date\n")
        #expect(output.stderr.isEmpty)
    }

    /// Whether /proc/locks lists `pid` as waiting for a lock on the file `inode`.
    static func isBlockedOnLock(pid: pid_t, inode: Int) throws -> Bool {
        let locks = try ProcFile.contents("/proc/locks")
        return locks.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count >= 7 && fields[1] == "->" && fields[2] == "FLOCK"
                && fields[5] == "\(pid)" && fields[6].hasSuffix(":\(inode)")
        }
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
