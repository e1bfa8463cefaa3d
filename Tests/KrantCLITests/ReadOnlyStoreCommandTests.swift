import Foundation
import KrantContent
import KrantStore
import KrantTestSupport
import Testing

/// A store this user may not write, its file or its folder (made so for
/// root too, by `WriteProtection`): the commands that read work and note
/// "read-only" on standard error; those that write refuse in one line
/// naming the store, exit 1, and leave it as it was.
@Suite struct ReadOnlyStoreCommandTests {
    static func store(_ krant: borrowing KrantRunner) throws -> String {
        let feed = krant.directory.appendingPathComponent("zeeland.xml").path
        try ManyItemsFeed.rss(title: "Zeeland", items: 1...3).write(toFile: feed, atomically: true, encoding: .utf8)
        #expect(try krant.run(["import", feed]).status == 0)
        #expect(try krant.run(["mark", "1", "--read"]).status == 0)
        return feed
    }

    func expectReadsWorkAndWritesAreRefused(_ krant: borrowing KrantRunner, feed: String, reason: String) throws {
        let path = krant.databasePath
        let note = "krant: note: the store \(path) is read-only (\(reason)); krant can show it but not change it\n"
        let list = try krant.run(["list"])
        #expect(list.status == 0 && list.stderr == note)
        #expect(list.stdout.split(separator: "\n").map { $0.hasSuffix("Zeeland 3") || $0.hasSuffix("Zeeland 2")
                                                             || $0.hasSuffix("Zeeland 1") } == [true, true, true])
        let show = try krant.run(["show", "2"])
        #expect(show.status == 0 && show.stderr == note && show.stdout.hasPrefix("Zeeland 2\n"))
        let search = try krant.run(["list", "--search", "zeehond", "--count"])
        #expect(search.status == 0 && search.stdout == "3\n")
        #expect(try krant.run(["feeds", "list"]).status == 0)

        let refusal = "krant: the store \(path) is read-only (\(reason)); krant can show it but not change it\n"
        let article = krant.directory.appendingPathComponent("nieuw.txt").path
        for command in [["mark", "2", "--read"], ["star", "2"], ["import", article], ["fetch"], ["index"],
                        ["feeds", "add", "https://example.org/feed.xml"], ["feeds", "remove", "1"]] {
            let output = try krant.run(command)
            #expect(output.status == 1, "\(command)")
            #expect(output.stderr == refusal, "\(command)")
            #expect(output.stdout.isEmpty, "\(command)")
        }
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        #expect(rows.map { $0["read"] as? Bool } == [false, false, true])
    }

    @Test func aStoreFileThatCannotBeWritten() throws {
        let krant = try KrantRunner()
        let feed = try Self.store(krant)
        let before = try Data(contentsOf: URL(fileURLWithPath: krant.databasePath))
        let protection = try WriteProtection(krant.databasePath)
        defer { protection.lift() }
        try expectReadsWorkAndWritesAreRefused(krant, feed: feed, reason: "the file cannot be written")
        #expect(try Data(contentsOf: URL(fileURLWithPath: krant.databasePath)) == before)
    }

    @Test func aStoreInAFolderThatCannotBeWritten() throws {
        let krant = try KrantRunner()
        let feed = try Self.store(krant)
        let article = krant.directory.appendingPathComponent("nieuw.txt").path
        try "Nieuw bericht\n\nHet water stijgt.\n".write(toFile: article, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: krant.databasePath))
        let files = try FileManager.default.contentsOfDirectory(atPath: krant.directory.path).sorted()
        let protection = try WriteProtection(krant.directory.path)
        defer { protection.lift() }
        try expectReadsWorkAndWritesAreRefused(krant, feed: feed, reason: "its folder cannot be written")
        #expect(try Data(contentsOf: URL(fileURLWithPath: krant.databasePath)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: krant.directory.path).sorted() == files)
    }

    /// A read-only store cannot catch its search index up before a search,
    /// as `list --search` otherwise does: it says what the search misses.
    @Test func aSearchSaysWhatAReadOnlyStoreHasNotIndexed() throws {
        let krant = try KrantRunner()
        _ = try Self.store(krant)
        try krant.markIndexedByAnotherVersion()
        let protection = try WriteProtection(krant.databasePath)
        defer { protection.lift() }
        let search = try krant.run(["list", "--search", "zeehond"])
        #expect(search.status == 0 && search.stdout.isEmpty)
        #expect(search.stderr.hasSuffix(
            "krant: note: 3 articles are not indexed for search yet, and the store is read-only: the search cannot find them\n"))
    }
}
