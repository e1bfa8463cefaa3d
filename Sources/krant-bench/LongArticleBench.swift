import Foundation
import KrantCore
import KrantStore
import KrantSync

/// One very long saved article (a report or a live blog of megabytes, 20,000
/// paragraphs in 40 sections) through the whole path: imported as
/// `krant import` does, then opened in the reader core and read with the keys
/// a reader would press at once: open, page down, `G` (the end), `[` (the
/// last section) and `g` (the top). Each key is timed as `ReaderSession`
/// times keys: the update, its store reads and a full render.
struct LongArticleBench {
    var paragraphs = 20_000
    var sections = 40
    /// Runs of the key sequence, each on a reader opened afresh; figures are medians.
    var runs = 7
    var seed: UInt64

    /// The keys timed, with the labels the table gives them.
    static let keys: [(label: String, key: Key)] = [
        ("open", .enter), ("page down", .pageDown), ("G", .character("G")), ("[", .character("[")),
        ("g", .character("g")),
    ]

    struct Figures {
        var megabytes: Double
        var importMs: Double
        /// Median per key, in the order of `keys`.
        var keyMs: [Double]
        /// Median CPU time per key: what a key costs whatever else runs on
        /// the machine (wall time on a shared machine also counts waiting).
        var keyCPUMs: [Double]
    }

    /// The article in the saved plain-text layout: a byline, then one
    /// paragraph per line, a section heading before every
    /// `paragraphs / sections` of them.
    func text() -> String {
        var random = SeededGenerator(seed: seed)
        func words(_ count: Int) -> String {
            (0..<count).map { position in
                position % 3 == 1 ? CorpusGenerator.content.randomElement(using: &random)!
                    : CorpusGenerator.small.randomElement(using: &random)!
            }.joined(separator: " ")
        }
        var lines = ["NOS Nieuws • 12 mei 2024, 08:15 Liveblog: het hele jaar aan de dijken", ""]
        let perSection = max(1, paragraphs / max(1, sections))
        for index in 0..<paragraphs {
            if index % perSection == 0, index / perSection < sections {
                lines.append("Deel \(index / perSection + 1) over \(words(2))")
            }
            let sentences = (0..<Int.random(in: 2...4, using: &random)).map { _ in
                words(Int.random(in: 8...16, using: &random)).capitalizedFirst + "."
            }
            lines.append(sentences.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func measure(in folder: URL) throws -> Figures {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("liveblog.txt")
        let text = text()
        try Data(text.utf8).write(to: file)
        let databasePath = folder.appendingPathComponent("long.db").path
        try? FileManager.default.removeItem(atPath: databasePath)

        var report: ImportReport?
        let importMs = try Measurements.time {
            var ingestion = Ingestion(store: try ArticleStore(path: databasePath))
            ingestion.indexing = .later
            report = try ingestion.importPaths([file.path])
        }
        let store = try ArticleStore(path: databasePath)
        guard report?.inserted == 1, let id = try store.headlines(HeadlineQuery(), limit: 1, offset: 0).first?.id else {
            throw BenchFailure("the long article was not imported: \(report?.rejected.map(\.reason) ?? [])")
        }
        // Read already, as after the first open: a read mark is a write the
        // runtime queues and never waits for, so it is not timed here.
        try store.setRead([id], true)

        var times = Array(repeating: [Double](), count: Self.keys.count)
        var cpuTimes = times
        for _ in 0..<runs {
            var driver = ReaderSession.firstFrame(store: store)
            for (index, step) in Self.keys.enumerated() {
                let cpuStart = Self.processCPUMs()
                times[index].append(Measurements.time {
                    if let action = driver.state.settings.keymap.action(for: step.key, in: driver.state) { _ = driver.send(action) }
                    _ = ReaderRenderer.render(driver.state)
                })
                cpuTimes[index].append(Self.processCPUMs() - cpuStart)
                try check(driver.state, after: step.label)
            }
        }
        return Figures(megabytes: Double(text.utf8.count) / (1024 * 1024), importMs: importMs,
                       keyMs: times.map(Measurements.median), keyCPUMs: cpuTimes.map(Measurements.median))
    }

    /// CPU time this process has used, in ms (the store reads run on the
    /// calling thread, so a key's reads are in it).
    private static func processCPUMs() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
    }

    /// That each key did what it is timed for, so a fast figure is never
    /// that of a key that did nothing.
    private func check(_ state: ReaderState, after label: String) throws {
        guard let reading = state.reading else { throw BenchFailure("\(label): no article open") }
        let lastLine = reading.layout.lineCount - state.articleHeight
        let lastSection = "Deel \(sections) over"
        let wanted: Bool = switch label {
        case "open", "g": reading.top == 0
        case "page down": reading.top == state.articleHeight - 1
        case "G": reading.top == lastLine
        default: state.currentSection?.hasPrefix(lastSection) == true && reading.top < lastLine
        }
        if !wanted { throw BenchFailure("\(label): the article is at line \(reading.top), not where the key leads") }
    }

    static func table(_ figures: Figures, paragraphs: Int, sections: Int) -> String {
        let header = "| long article | size (MB) | import (ms) | "
            + keys.map { "\($0.label) (ms; CPU ms)" }.joined(separator: " | ") + " |"
        let rule = "|---|---:|---:|" + String(repeating: "---:|", count: keys.count)
        let row = "| \(paragraphs) paragraphs, \(sections) sections | " + String(format: "%.1f", figures.megabytes)
            + " | " + String(format: "%.0f", figures.importMs) + " | "
            + zip(figures.keyMs, figures.keyCPUMs).map { String(format: "%.2f; %.2f", $0, $1) }.joined(separator: " | ") + " |"
        return [header, rule, row].joined(separator: "\n")
    }
}

/// A measurement that could not be made, said in one line.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
