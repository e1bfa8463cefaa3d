import ArgumentParser
import Foundation
import KrantCore
import KrantStore
import KrantSync

@main
struct KrantBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "krant-bench",
        abstract: "Measure krant on generated corpora and print a table.",
        discussion: """
        Generates deterministic articles (seeded), imports them into a fresh
        store, and measures start-up, keys, opening, marking, searching and
        memory. Figures are medians of several runs; compare runs made on
        the same machine at the same time. Build in release mode:

          swift run -c release krant-bench
          swift run -c release krant-bench --sizes 10000 --large
          swift run -c release krant-bench --long-article
        """)

    @Option(help: "Store sizes to measure, comma-separated.")
    var sizes = "10000,100000"

    @Flag(help: "Also measure 1,000,000 articles (needs several GB of disk and some minutes).")
    var large = false

    @Option(help: "Keys in the scripted reader session.")
    var keys = 1000

    @Option(help: "Corpus seed.")
    var seed: UInt64 = 42

    @Option(help: "Work folder (default: a new temporary folder, removed afterwards).")
    var workFolder: String?

    @Option(help: .hidden) var readerSession: String?

    @Option(help: ArgumentHelp("Instead: peak memory of importing one feed of N tiny items, for each N (comma-separated).",
                               valueName: "counts"))
    var feedMemory: String?

    @Option(help: .hidden) var feedImportSession: String?
    @Option(help: .hidden) var store: String?

    @Flag(help: "With the reader session: report peak and current memory after each phase on stderr.")
    var memoryPhases = false

    @Flag(help: "Measure one article of 20,000 paragraphs and 40 sections instead: import, then open, page down, G, [ and g in the reader.")
    var longArticle = false

    func run() throws {
        if let feedImportSession, let store {
            try FeedMemoryBench.importSession(feed: feedImportSession, store: store)
            return
        }
        if let feedMemory {
            let root = URL(fileURLWithPath: workFolder ?? NSTemporaryDirectory() + "krant-bench-\(getpid())")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            defer { if workFolder == nil { try? FileManager.default.removeItem(at: root) } }
            let bench = FeedMemoryBench(executable: URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL,
                                        folder: root)
            var rows: [FeedMemoryBench.Row] = []
            for count in feedMemory.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                log("feed of \(count) items")
                rows.append(try bench.measure(count: count))
            }
            print(FeedMemoryBench.table(rows))
            return
        }
        if let readerSession {
            // Child mode: measure the reader's own peak memory, without the
            // generator's and importer's allocations in the same process.
            phase("start")
            let store = try ArticleStore(path: readerSession)
            phase("store open")
            var driver = ReaderSession.firstFrame(store: store)
            phase("first frame")
            _ = ReaderSession.run(&driver, count: keys)
            phase("session")
            if memoryPhases { log("largest mappings (MiB): " + Measurements.largestMappings()) }
            print(String(format: "%.1f", Measurements.residentPhase()?.peak ?? Measurements.peakResidentMiB()))
            return
        }
        var counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if large { counts.append(1_000_000) }
        let root = URL(fileURLWithPath: workFolder ?? NSTemporaryDirectory() + "krant-bench-\(getpid())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { if workFolder == nil { try? FileManager.default.removeItem(at: root) } }
        if longArticle {
            let bench = LongArticleBench(seed: seed)
            let figures = try bench.measure(in: root.appendingPathComponent("long-article"))
            print(LongArticleBench.table(figures, paragraphs: bench.paragraphs, sections: bench.sections))
            return
        }

        var rows: [BenchRow] = []
        for count in counts {
            let row = try measure(count: count, in: root.appendingPathComponent("\(count)"))
            rows.append(row)
            print(BenchRow.table(rows), terminator: "\n\n")
        }
    }

    func measure(count: Int, in folder: URL) throws -> BenchRow {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generator = CorpusGenerator(seed: seed)
        var row = BenchRow(articles: count)
        log("\(count): generating")
        let textFolder = folder.appendingPathComponent("text")
        try generator.writePlainText(count: count, to: textFolder)

        let databasePath = folder.appendingPathComponent("krant.db").path
        log("\(count): importing text")
        // As `krant import` does: articles first, the search index after
        // (timed on its own for the RSS store below).
        var report: ImportReport?
        let importMs = try Measurements.time {
            var ingestion = Ingestion(store: try ArticleStore(path: databasePath))
            ingestion.indexing = .later
            report = try ingestion.importPaths([textFolder.path])
        }
        row.textImportPerSecond = Double(report?.inserted ?? 0) / (importMs / 1000)
        for (path, reason) in report?.rejected ?? [] { log("\(path): \(reason)") }
        try? FileManager.default.removeItem(at: textFolder)
        try ArticleStore(path: databasePath).catchUpSearch()

        log("\(count): importing RSS")
        // Ten feeds, or more for large stores: a feed file over 64 MB is
        // refused (`FeedParser.defaultSizeLimit`), and 10,000 items make about 45 MB.
        let feeds = try generator.writeRSS(count: count, feeds: max(10, count / 10_000),
                                           to: folder.appendingPathComponent("rss"))
        let rssPath = folder.appendingPathComponent("rss.db").path
        var items = 0
        let rssMs = try Measurements.time {
            var ingestion = Ingestion(store: try ArticleStore(path: rssPath))
            ingestion.indexing = .later
            let report = try ingestion.importPaths(feeds.map(\.path))
            items = report.inserted
            for (path, reason) in report.rejected { log("\(path): \(reason)") }
        }
        row.rssImportPerSecond = Double(items) / (rssMs / 1000)
        var indexed = 0
        let indexMs = try Measurements.time { indexed = try ArticleStore(path: rssPath).catchUpSearch() }
        row.indexPerSecond = Double(indexed) / (indexMs / 1000)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("rss"))

        log("\(count): first frame")
        row.firstFrameMs = Measurements.median(try (0..<5).map { _ in
            try Measurements.time { _ = try ReaderSession.firstFrame(path: databasePath) }
        })

        log("\(count): reader session")
        var driver = try ReaderSession.firstFrame(path: databasePath)
        let keyTimes = ReaderSession.run(&driver, count: keys)
        row.keyP50Ms = Measurements.percentile(keyTimes.map(\.ms), 50)
        row.keyP99Ms = Measurements.percentile(keyTimes.map(\.ms), 99)
        log("\(count): slowest keys: \(ReaderSession.slowestKeys(keyTimes))")

        let store = try ArticleStore(path: databasePath)
        let ids = try store.headlines(HeadlineQuery(), limit: 5000, offset: 0).map(\.id)
        row.openArticleMs = Measurements.median(try ids.prefix(50).map { id in
            try Measurements.time {
                if let article = try store.article(id: id) { _ = ArticleLayout(article: article, width: 100) }
            }
        })
        row.markReadMs = Measurements.median(try (0..<3).map { _ in
            let time = try Measurements.time { try store.setRead(ids, true) }
            try store.setRead(ids, false)
            return time
        })
        let search = HeadlineQuery(search: CorpusGenerator.searchTerm)
        row.searchMs = Measurements.median(try (0..<10).map { _ in
            try Measurements.time {
                _ = try store.count(search)
                _ = try store.headlines(search, limit: 50, offset: 0)
            }
        })
        let phrase = HeadlineQuery(search: "\"\(CorpusGenerator.searchTerm) trok\"")
        row.phraseSearchMs = Measurements.median(try (0..<10).map { _ in
            try Measurements.time {
                _ = try store.count(phrase)
                _ = try store.headlines(phrase, limit: 50, offset: 0)
            }
        })
        row.readerPeakMiB = try readerPeakMemory(databasePath)
        return row
    }

    /// Runs this benchmark again as a child that only opens the reader on the
    /// store and plays the session, and reads back its peak memory. The child
    /// reports `VmHWM`, not `getrusage`: Linux carries the parent's peak into
    /// a child's `ru_maxrss` across a vfork-and-exec spawn, which made this
    /// figure the importer's memory rather than the reader's.
    func readerPeakMemory(_ databasePath: String) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["--reader-session", databasePath, "--keys", String(keys)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func phase(_ name: String) {
        guard memoryPhases, let memory = Measurements.residentPhase() else { return }
        log(String(format: "%@: peak %.1f MiB, now %.1f MiB (%.1f heap and stacks, %.1f files and shared)",
                   name, memory.peak, memory.now, memory.anonymous, memory.files))
    }

    func log(_ text: String) {
        FileHandle.standardError.write(Data("krant-bench: \(text)\n".utf8))
    }
}
