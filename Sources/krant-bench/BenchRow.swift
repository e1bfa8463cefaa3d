import Foundation

/// The figures for one store size, and the table they are printed in.
struct BenchRow {
    var articles: Int
    var textImportPerSecond: Double?
    var rssImportPerSecond: Double?
    /// How fast the search index catches up after the RSS import.
    var indexPerSecond: Double?
    var firstFrameMs: Double?
    var keyP50Ms: Double?
    var keyP99Ms: Double?
    var openArticleMs: Double?
    var markReadMs: Double?
    var searchMs: Double?
    /// The same word in a two-word phrase: FTS5 finds the rows with both
    /// words, then each one's text is checked for the phrase.
    var phraseSearchMs: Double?
    var readerPeakMiB: Double?

    static func table(_ rows: [BenchRow]) -> String {
        func number(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "–" }
        var lines = [
            "| articles | import text (articles/s) | import RSS (items/s) | then search index (items/s) | open store + first frame (ms) | key p50 (ms) | key p99 (ms) | open article (ms) | mark 5,000 read (ms) | search (ms) | phrase search (ms) | reader peak RSS (MiB) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in rows {
            lines.append("| \(row.articles) | \(number(row.textImportPerSecond, "%.0f")) | \(number(row.rssImportPerSecond, "%.0f")) | \(number(row.indexPerSecond, "%.0f")) | \(number(row.firstFrameMs, "%.1f")) | \(number(row.keyP50Ms, "%.2f")) | \(number(row.keyP99Ms, "%.2f")) | \(number(row.openArticleMs, "%.2f")) | \(number(row.markReadMs, "%.1f")) | \(number(row.searchMs, "%.2f")) | \(number(row.phraseSearchMs, "%.2f")) | \(number(row.readerPeakMiB, "%.1f")) |")
        }
        return lines.joined(separator: "\n")
    }
}
