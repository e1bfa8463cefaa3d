import ArgumentParser
import Foundation
import KrantCore
import KrantStore

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Copy what can be read of a damaged store into a new store beside it.",
        discussion: """
        Copies every article SQLite can still read, with its read and star
        state, and every feed into a new store (NAME-repaired.db beside the
        store, or --to PATH), and rebuilds its search index. The damaged
        store is left exactly as it was. The next `krant fetch` downloads
        every feed in full, which brings back lost items still in the feeds.

        Examples:
          krant repair
          krant repair --to ~/krant-new.db
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Where to write the new store (it must not exist).", valueName: "path"))
    var to: String?

    func run() throws {
        let path = try store.resolvedPath
        let report: StoreRepair.Report
        do {
            report = try StoreRepair.repair(path: path, into: to)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
        let articles = Self.copied(report.articles, of: report.expectedArticles, "article")
        let feeds = Self.copied(report.feeds, of: report.expectedFeeds, "feed")
        print(Sanitizer.escapedForDisplay(
            "copied \(articles) (with their read and star state) and \(feeds) into \(report.target)"))
        if report.damagedStretches > 0 {
            print("\(counted(report.damagedStretches, "damaged part")) could not be read")
        }
        for line in Self.switchInstructions(damaged: path, repaired: report.target) {
            print(Sanitizer.escapedForDisplay(line))
        }
    }

    /// "3 of 5 articles", "1 of 1 article", or "3 articles" when the old
    /// store's count could not be read: the noun agrees with the last number.
    static func copied(_ count: Int, of expected: Int?, _ noun: String) -> String {
        guard let expected else { return counted(count, noun) }
        return "\(count) of \(counted(expected, noun))"
    }

    /// How to put the new store in the old one's place: by moving files
    /// (the old one's `-wal` and `-shm` with it, or SQLite would read them
    /// as the new store's), or by pointing krant at the new one.
    static func switchInstructions(damaged: String, repaired: String) -> [String] {
        let aside = damaged + ".damaged"
        let moves = ["", "-wal", "-shm"].filter { FileManager.default.fileExists(atPath: damaged + $0) }
            .map { "mv \(shellQuoted(damaged + $0)) \(shellQuoted(aside + $0))" }
        return [
            "the damaged store \(damaged) was left as it was",
            "to switch, quit every krant using it, then either move the new store into its place:",
            "  " + (moves + ["mv \(shellQuoted(repaired)) \(shellQuoted(damaged))"]).joined(separator: " && "),
            "or use the new store where it is: krant --db \(shellQuoted(repaired))",
        ]
    }

    /// A path as a shell word: as it is when it holds no character the
    /// shell treats specially, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+:@%,=".unicodeScalars.contains($0)
        }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
