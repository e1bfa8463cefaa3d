import Foundation
import KrantStore
import KrantSync

/// Peak memory of importing one feed file of many tiny items, against the
/// size of the file: what issue 10 found growing with the item count (a
/// 63 MB feed of two million items peaked at 1.65 GB). Each import runs in
/// a child process, so its peak is its own.
struct FeedMemoryBench {
    let executable: URL
    let folder: URL

    struct Row {
        var items: Int
        var feedMiB: Double
        var peakMiB: Double
        var seconds: Double
    }

    /// A feed of `count` items of about 33 bytes each, on one line: as small
    /// as an item gets (two million fit under the 64 MB feed limit).
    static func writeTinyFeed(count: Int, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("<rss version=\"2.0\"><channel><title>Tiny</title>\n".utf8))
        var chunk = ""
        for index in 0..<count {
            chunk += "<item><guid>\(index)</guid></item>"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data((chunk + "</channel></rss>\n").utf8))
    }

    func measure(count: Int) throws -> Row {
        let feed = folder.appendingPathComponent("tiny-\(count).xml")
        try Self.writeTinyFeed(count: count, to: feed)
        defer { try? FileManager.default.removeItem(at: feed) }
        let size = Double((try FileManager.default.attributesOfItem(atPath: feed.path)[.size] as? Int) ?? 0)
        let store = folder.appendingPathComponent("tiny-\(count).db")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--feed-import-session", feed.path, "--store", store.path]
        let output = Pipe()
        process.standardOutput = output
        let start = ContinuousClock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Measurements.milliseconds(ContinuousClock.now - start) / 1000
        let peak = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
        return Row(items: count, feedMiB: size / 1_048_576, peakMiB: peak, seconds: seconds)
    }

    /// The child: imports the feed as `krant import` does and prints its peak (VmHWM) in MiB.
    static func importSession(feed: String, store: String) throws {
        var ingestion = Ingestion(store: try ArticleStore(path: store))
        ingestion.indexing = .later
        let report = try ingestion.importPaths([feed])
        for (path, reason) in report.rejected { FileHandle.standardError.write(Data("\(path): \(reason)\n".utf8)) }
        print(String(format: "%.1f", Measurements.residentPhase()?.peak ?? Measurements.peakResidentMiB()))
    }

    static func table(_ rows: [Row]) -> String {
        var lines = ["| items | feed MiB | peak MiB | peak − feed MiB | seconds |", "|---:|---:|---:|---:|---:|"]
        for row in rows {
            lines.append(String(format: "| %d | %.1f | %.1f | %.1f | %.1f |", row.items, row.feedMiB, row.peakMiB,
                                row.peakMiB - row.feedMiB, row.seconds))
        }
        return lines.joined(separator: "\n")
    }
}
