import Foundation
import KrantCore
import KrantStore
import KrantSync
import KrantTestSupport
import Testing

/// The ingestion pipeline, without the command line: what each kind of
/// input becomes, that bad inputs are named while the rest goes in, and
/// that a file read before is not parsed again.
@Suite final class IngestionTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("krant-sync-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/nieuws/dieper", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func store() throws -> ArticleStore { try ArticleStore(path: folder + "/krant.db") }

    static let article = """
        NOS Nieuws • 12 mei 2024, 08:15 Dijken worden versterkt

        Het kabinet trekt geld uit voor de dijken langs de rivieren.

        De waterschappen zijn tevreden.
        """

    @Test func aFolderOfArticlesAndFeedsGoesInAndBadInputsAreNamed() throws {
        _ = try write(Self.article, to: "nieuws/dijken.txt")
        _ = try write(SampleFeed.rss(items: [("a", "Eerste"), ("b", "Tweede")]), to: "nieuws/dieper/binnenland.xml")
        _ = try write("", to: "nieuws/leeg.txt")
        _ = try write("<html><body>geen feed</body></html>", to: "nieuws/pagina.rss")
        _ = try write("niet gelezen", to: "nieuws/notities.md")
        let store = try store()
        var named: [String] = []
        let report = try Ingestion(store: store).importPaths([folder + "/nieuws", folder + "/weg.txt"]) { path, reason in
            named.append("\(URL(fileURLWithPath: path).lastPathComponent): \(reason)")
        }

        #expect(report.inserted == 3)
        #expect(report.alreadyPresent == 0)
        #expect(named == ["weg.txt: no such file or directory", "leeg.txt: empty file",
                          "pagina.rss: not a feed: an HTML page"])
        #expect(report.rejected.map(\.reason) == ["no such file or directory", "empty file",
                                                  "not a feed: an HTML page"])
        #expect(try store.count(HeadlineQuery()) == 3)
        let feeds = try store.feeds()
        #expect(feeds.map(\.url) == [URL(fileURLWithPath: folder + "/nieuws/dieper/binnenland.xml").absoluteString])
        #expect(feeds.first?.title == "NOS Nieuws - Binnenland")
        #expect(try store.headlines(HeadlineQuery(search: "dijken"), limit: 10).count == 3)
    }

    /// A saved long report or live blog runs to megabytes: it goes in up to
    /// the limit every input has (a feed's, 64 MB), and is named over it.
    @Test func anArticleOfMegabytesIsImportedUpToTheFeedLimit() throws {
        let paragraph = "Het verslag gaat voort over de dijken, de rivieren en het geld dat ervoor nodig is.\n\n"
        let long = try write(Self.article + "\n\n" + String(repeating: paragraph, count: 40_000), to: "nieuws/verslag.txt")
        #expect(try FileManager.default.attributesOfItem(atPath: long)[.size] as? Int ?? 0 > 3 * 1024 * 1024)
        let tooLarge = folder + "/nieuws/dump.txt"
        #expect(FileManager.default.createFile(atPath: tooLarge, contents: Data(Self.article.utf8)))
        #expect(truncate(tooLarge, 65 * 1024 * 1024) == 0)
        let store = try store()
        let report = try Ingestion(store: store).importPaths([long, tooLarge])
        #expect(report.inserted == 1)
        #expect(report.rejected.map(\.reason) == ["not an article (65 MB, more than the 64 MB an article may have)"])
        let id = try #require(try store.headlines(HeadlineQuery(), limit: 1, offset: 0).first?.id)
        #expect(try store.article(id: id)?.blocks.count == 40_002)
    }

    @Test func importingAgainKeepsOneCopyAndSkipsAnUnchangedFeedFile() throws {
        let text = try write(Self.article, to: "nieuws/dijken.txt")
        let feed = try write(SampleFeed.rss(items: [("a", "Eerste")]), to: "nieuws/binnenland.xml")
        let store = try store()
        let ingestion = Ingestion(store: store)
        #expect(try ingestion.importPaths([text, feed]).inserted == 2)
        let again = try ingestion.importPaths([text, feed])
        #expect(again.inserted == 0)
        #expect(again.alreadyPresent == 2)
        #expect(again.feeds.map(\.outcome.isNotModified) == [true])
        #expect(try store.feeds().first?.lastStatus == "not modified")
    }

    @Test func aRefreshReadsAChangedFeedFileAndKeepsReadState() async throws {
        let path = try write(SampleFeed.rss(items: [("a", "Eerste")]), to: "nieuws/binnenland.xml")
        let store = try store()
        let ingestion = Ingestion(store: store)
        #expect(try ingestion.importPaths([path]).inserted == 1)
        let first = try store.headlines(HeadlineQuery(), limit: 10, offset: 0).map(\.id)
        try store.setRead(first, true)
        // A new modification time and size: the validator changes.
        _ = try write(SampleFeed.rss(items: [("a", "Eerste, bijgewerkt"), ("b", "Tweede")]), to: "nieuws/binnenland.xml")
        let feeds = try store.feeds()
        let results = await ingestion.refresh(feeds)
        #expect(results.map(\.newArticles) == [1])
        guard case .stored(let report)? = results.first?.outcome else {
            Issue.record("the feed was not stored: \(String(describing: results.first?.outcome))")
            return
        }
        #expect(report.updated == 1)
        #expect(try store.article(id: first[0])?.title == "Eerste, bijgewerkt")
        #expect(try store.article(id: first[0])?.isRead == true)
    }

    @Test func subscribingNeverMergesIntoAFeedAlreadySubscribed() async throws {
        let feed = SampleFeed.rss(items: [("a", "Eerste")])
        let server = try FetchTestServer(routes: [
            "/feed": { _ in .text(feed) },
            "/oud": { _ in TestResponse(status: 301, headers: [("Location", "/feed")]) },
        ])
        let store = try store()
        let ingestion = Ingestion(store: store)
        let first = await ingestion.subscribe(url: server.url("/feed"), category: "Binnenland")
        #expect(first.failure == nil)
        #expect(first.newArticles == 1)
        // The old address leads to the same feed: said, not merged, and the
        // first subscription keeps its category.
        let second = await ingestion.subscribe(url: server.url("/oud"), category: "Sport")
        #expect(second.failure == "already subscribed to \(server.url("/feed"))")
        #expect(try store.feeds().map(\.category) == ["Binnenland"])
        #expect(await ingestion.subscribe(url: server.url("/feed"), category: nil).failure == "already subscribed")
    }

    @Test func opmlSubscribesToWebFeedsOnly() throws {
        let opml = """
            <?xml version="1.0"?><opml version="2.0"><body>
            <outline text="Nieuws"><outline type="rss" text="NOS" xmlUrl="https://nos.example/feed"/></outline>
            <outline type="rss" text="Lokaal" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """
        let path = try write(opml, to: "abonnementen.opml")
        let store = try store()
        var refused: [String] = []
        let report = try Ingestion(store: store).importOPML(file: path) { url, _ in refused.append(url) }
        #expect((report.added, report.alreadySubscribed, report.refused) == (1, 0, 1))
        #expect(refused == ["file:///etc/passwd"])
        #expect(try store.feeds().map(\.category) == ["Nieuws"])
        let missing = #expect(throws: IngestionFailure.self) {
            try Ingestion(store: store).importOPML(file: folder + "/weg.opml") { _, _ in }
        }
        #expect(missing?.description == "\(folder)/weg.opml: cannot be read (No such file or directory)")
    }

    @Test func opmlExportHoldsWhatOPMLImportTakesAndNamesTheRest() throws {
        let feedFile = try write(SampleFeed.rss(items: [("a", "Eerste")]), to: "nieuws/binnenland.xml")
        let store = try store()
        let ingestion = Ingestion(store: store)
        _ = try store.addFeed(url: "https://nos.example/feed", title: "NOS", category: "Nieuws")
        _ = try ingestion.importPaths([feedFile])
        var leftOut: [String] = []
        let opml = try ingestion.exportOPML { url, reason in leftOut.append("\(url): \(reason)") }
        #expect(leftOut == ["\(URL(fileURLWithPath: feedFile).absoluteString): a feed file, which an OPML import "
                            + "refuses; subscribe to it again with `krant import \(feedFile)`"])
        #expect(opml.contains("https://nos.example/feed"))
        #expect(!opml.contains("file:"))
        // The command to type back is quoted for a shell when it must be.
        let spaced = try write(SampleFeed.rss(items: [("b", "Tweede")]), to: "nieuws/Jan's feed.xml")
        _ = try ingestion.importPaths([spaced])
        leftOut = []
        _ = try ingestion.exportOPML { _, reason in leftOut.append(reason) }
        #expect(leftOut.last?.hasSuffix(#"`krant import '\#(folder)/nieuws/Jan'\''s feed.xml'`"#) == true)
    }

    @Test func theIndexStepIndexesASmallBacklogAtOnce() throws {
        let path = try write(Self.article, to: "nieuws/dijken.txt")
        let store = try store()
        var ingestion = Ingestion(store: store)
        ingestion.indexing = .later
        _ = try ingestion.importPaths([path])
        #expect(try store.searchBacklog() == 1)
        let never = SearchIndexer.Background(executable: "/nonexistent/krant")
        #expect(try SearchIndexer.catchUp(store, waiting: false, background: never) == .indexed(1))
        #expect(try store.searchBacklog() == 0)
        #expect(try store.headlines(HeadlineQuery(search: "waterschappen"), limit: 10).count == 1)
    }

    /// Over the limit, the backlog is handed to the background process, and
    /// nothing is indexed here. The process is a script standing in for
    /// krant: it records its arguments and whether the indexer's lock is
    /// held while it runs (it holds it, inherited).
    @Test func theIndexStepHandsALargeBacklogToTheBackground() throws {
        let path = try write(Self.article, to: "nieuws/dijken.txt")
        let script = try write("""
            #!/bin/sh
            if flock --nonblock "$2-index.lock" true; then echo free; else echo held; fi > "\(folder)/lock.tmp"
            echo "$@" > "\(folder)/arguments.tmp"
            mv "\(folder)/lock.tmp" "\(folder)/lock"; mv "\(folder)/arguments.tmp" "\(folder)/arguments"
            """, to: "indexer.sh")
        #expect(chmod(script, 0o755) == 0)
        let store = try store()
        var ingestion = Ingestion(store: store)
        ingestion.indexing = .later
        _ = try ingestion.importPaths([path])

        let outcome = try SearchIndexer.catchUp(store, waiting: false,
                                                background: SearchIndexer.Background(executable: script),
                                                foregroundLimit: 0)
        #expect(outcome == .inBackground(waiting: 1))
        #expect(try store.searchBacklog() == 1)
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: folder + "/arguments") && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(try String(contentsOfFile: folder + "/arguments", encoding: .utf8)
                == "--db \(store.path) index --background\n")
        #expect(try String(contentsOfFile: folder + "/lock", encoding: .utf8) == "held\n")
        // Released when the process is gone, so `krant index` would not wait for it.
        let lock = open(store.path + "-index.lock", O_RDONLY | O_CLOEXEC)
        defer { close(lock) }
        var released = false
        while !released && ContinuousClock.now < deadline {
            released = flock(lock, LOCK_EX | LOCK_NB) == 0
            if !released { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(released)
    }
}

extension FeedSyncResult.Outcome {
    var isNotModified: Bool {
        if case .notModified = self { true } else { false }
    }
}

