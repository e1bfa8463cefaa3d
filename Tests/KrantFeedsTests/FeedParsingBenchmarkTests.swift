import Foundation
import KrantFeeds
import Testing

/// Parse speed on generated feeds; skipped unless KRANT_BENCH_FEEDS names a
/// folder of `gen_feed.py` output. Run in release:
/// `KRANT_BENCH_FEEDS=/tmp/f swift test -c release -Xswiftc -enable-testing --filter FeedParsingBenchmark`.
@Suite struct FeedParsingBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KRANT_BENCH_FEEDS"] != nil))
    func parsesGeneratedFeeds() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KRANT_BENCH_FEEDS"] ?? "")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }.sorted { $0.path < $1.path }
        let documents = try files.map { try Data(contentsOf: $0) }
        let bytes = documents.reduce(0) { $0 + $1.count }

        let parseStart = Date()
        var feeds: [ParsedFeed] = []
        for document in documents { feeds.append(try FeedParser.parse(document)) }
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let items = feeds.reduce(0) { $0 + $1.items.count }

        let convertStart = Date()
        var blocks = 0
        for (index, feed) in feeds.enumerated() {
            for item in feed.items {
                blocks += item.article(feedURL: files[index].absoluteString, feedTitle: feed.title, category: nil).blocks.count
            }
        }
        let convertSeconds = Date().timeIntervalSince(convertStart)
        print(String(format: "bench: %d items, %.1f MB: parse %.2f s (%.0f items/s, %.0f MB/s); to articles %.2f s (%.0f items/s), %d blocks",
                     items, Double(bytes) / 1e6, parseSeconds, Double(items) / parseSeconds,
                     Double(bytes) / 1e6 / parseSeconds, convertSeconds, Double(items) / convertSeconds, blocks))
        #expect(items > 0)
    }
}
