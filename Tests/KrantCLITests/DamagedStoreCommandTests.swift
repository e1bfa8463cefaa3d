import Foundation
import KrantContent
import KrantStore
import KrantTestSupport
import Testing

/// A store damaged inside the file, as krant made it: garbage over a leaf of
/// the `articles` table in the middle and over its last leaf. Every command
/// that meets the damage says so in one line naming the store and exits 1,
/// and writes nothing more; `check` says what SQLite found; `repair` copies
/// what can be read.
@Suite struct DamagedStoreCommandTests {
    /// Two feed files: "Aardrijkskunde" (600 items, ids 1-600) and
    /// "Zeeland" (3, ids 601-603); 1 and 2 read, 3 starred.
    struct Fixture {
        let feedA: String
        let feedB: String
        /// The ids on the damaged middle leaf and on the damaged last leaf.
        let lostInTheMiddle: [Int64]
        let lostAtTheEnd: [Int64]
        let middlePage: Int
        var lost: Set<Int64> { Set(lostInTheMiddle + lostAtTheEnd) }
    }

    static func damagedStore(_ krant: borrowing KrantRunner, lastLeafToo: Bool = true) throws -> Fixture {
        let feedA = krant.directory.appendingPathComponent("aardrijkskunde.xml").path
        let feedB = krant.directory.appendingPathComponent("zeeland.xml").path
        try ManyItemsFeed.rss(title: "Aardrijkskunde", items: 1...600).write(toFile: feedA, atomically: true, encoding: .utf8)
        try ManyItemsFeed.rss(title: "Zeeland", items: 1...3).write(toFile: feedB, atomically: true, encoding: .utf8)
        #expect(try krant.run(["import", feedA, feedB]).stdout.hasPrefix("imported 603 new"))
        #expect(try krant.run(["mark", "1", "2", "--read"]).status == 0)
        #expect(try krant.run(["star", "3"]).status == 0)
        let leaves = try StorePages.leaves(of: "articles", in: krant.databasePath)
        #expect(leaves.count >= 4, "too few pages to damage some and keep others")
        let (middle, last) = (leaves[leaves.count / 2], leaves[leaves.count - 1])
        let fixture = Fixture(feedA: feedA, feedB: feedB,
                              lostInTheMiddle: try StorePages.rowids(inLeaf: middle, of: krant.databasePath),
                              lostAtTheEnd: lastLeafToo ? try StorePages.rowids(inLeaf: last, of: krant.databasePath) : [],
                              middlePage: middle)
        #expect(!fixture.lost.contains(1) && fixture.lost.contains(603) == lastLeafToo)
        try StorePages.overwrite(lastLeafToo ? [middle, last] : [middle], of: krant.databasePath)
        return fixture
    }

    static func damageLine(_ path: String) -> String {
        "krant: store damaged: \(path) (database disk image is malformed); nothing more was written to it; "
            + "`krant repair` copies what can be read into a new store\n"
    }

    /// Exit status 1 and the one line, nothing else on standard error.
    static func expectDamageLine(_ output: KrantRunner.Output, _ path: String, _ command: String) {
        #expect(output.status == 1, "\(command): \(output.stderr)")
        #expect(output.stderr == damageLine(path), "\(command)")
    }

    @Test func readingCommandsThatMeetTheDamageSayItInOneLine() throws {
        let krant = try KrantRunner()
        let fixture = try Self.damagedStore(krant)
        Self.expectDamageLine(try krant.run(["list"]), krant.databasePath, "list")
        Self.expectDamageLine(try krant.run(["list", "--search", "zeehond"]), krant.databasePath, "list --search")
        Self.expectDamageLine(try krant.run(["show", String(fixture.lostInTheMiddle[0])]), krant.databasePath, "show")
        let intact = try krant.run(["show", "1"])
        #expect(intact.status == 0 && intact.stdout.hasPrefix("Aardrijkskunde 1\n") && intact.stderr.isEmpty)
    }

    /// Each write that meets the damage stops there, and none is made after
    /// it: `fetch` records nothing for the unchanged feed after the changed
    /// one failed, though that record lies on an intact page.
    @Test func writingCommandsThatMeetTheDamageStopAndWriteNothingMore() throws {
        let krant = try KrantRunner()
        let fixture = try Self.damagedStore(krant)

        Self.expectDamageLine(try krant.run(["mark", "1", String(fixture.lostInTheMiddle[0]), "--unread"]),
                              krant.databasePath, "mark")
        let first = try #require(try krant.json(["show", "1", "--json"]) as? [String: Any])
        #expect(first["read"] as? Bool == true)

        let article = try krant.write("nieuw.txt", Array("Nieuw bericht\n\nHet water stijgt.\n".utf8))
        Self.expectDamageLine(try krant.run(["import", article]), krant.databasePath, "import")

        let feedsBefore = try krant.run(["feeds", "list", "--json"]).stdout
        #expect(feedsBefore.contains("Zeeland"))
        try ManyItemsFeed.rss(title: "Aardrijkskunde", items: 1...601)
            .write(toFile: fixture.feedA, atomically: true, encoding: .utf8)
        let fetch = try krant.run(["fetch"])
        Self.expectDamageLine(fetch, krant.databasePath, "fetch")
        #expect(fetch.stdout.isEmpty)
        #expect(try krant.run(["feeds", "list", "--json"]).stdout == feedsBefore)
    }

    /// A feed's items are written after the others were read: the damage
    /// met there is said once, not once per feed or file that came after.
    @Test func feedWritesThatMeetTheDamageSayItOnce() throws {
        let krant = try KrantRunner()
        let fixture = try Self.damagedStore(krant, lastLeafToo: false)
        try ManyItemsFeed.rss(title: "Aardrijkskunde", items: 1...601)
            .write(toFile: fixture.feedA, atomically: true, encoding: .utf8)
        let fetch = try krant.run(["fetch"])
        Self.expectDamageLine(fetch, krant.databasePath, "fetch")
        #expect(fetch.stdout.isEmpty)
        let imported = try krant.run(["import", fixture.feedA, fixture.feedB])
        Self.expectDamageLine(imported, krant.databasePath, "import")
        #expect(imported.stdout.isEmpty)
    }

    /// A search index another krant built is rebuilt by `krant index`, which
    /// reads every article: it meets the damage.
    @Test func indexingThatMeetsTheDamageSaysItInOneLine() throws {
        let krant = try KrantRunner()
        _ = try Self.damagedStore(krant)
        try krant.markIndexedByAnotherVersion()
        Self.expectDamageLine(try krant.run(["index"]), krant.databasePath, "index")
    }

    @Test func checkSaysWhatSQLiteFound() throws {
        let krant = try KrantRunner()
        let fixture = try Self.damagedStore(krant)
        let check = try krant.run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("\(krant.databasePath): damaged; SQLite's integrity check found:\n"))
        #expect(check.stdout.contains("  Page \(fixture.middlePage): "), "\(check.stdout)")
        #expect(check.stderr == "krant: \(krant.databasePath) is damaged; `krant repair` copies what can be read into a new store\n")

        let whole = try KrantRunner()
        try whole.run(["import", KrantRunner.sampleArticle])
        let ok = try whole.run(["check"])
        #expect(ok.status == 0 && ok.stderr.isEmpty)
        #expect(ok.stdout == "\(whole.databasePath): ok (SQLite's integrity check found nothing wrong)\n")
    }

    /// The new store holds every article that could be read, with its read
    /// and star state; the damaged one is left as it was; the output says
    /// how to switch; and the next fetch brings back the lost items.
    @Test func repairCopiesWhatCanBeReadAndSaysHowToSwitch() throws {
        let krant = try KrantRunner()
        let fixture = try Self.damagedStore(krant)
        let before = try Data(contentsOf: URL(fileURLWithPath: krant.databasePath))
        let repair = try krant.run(["repair"])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(repair.stderr.isEmpty)
        let repaired = krant.directory.appendingPathComponent("krant-repaired.db").path
        let kept = 603 - fixture.lost.count
        #expect(repair.stdout == """
            copied \(kept) of 603 articles (with their read and star state) and 2 of 2 feeds into \(repaired)
            2 damaged parts could not be read
            the damaged store \(krant.databasePath) was left as it was
            to switch, quit every krant using it, then either move the new store into its place:
              mv \(krant.databasePath) \(krant.databasePath).damaged && mv \(repaired) \(krant.databasePath)
            or use the new store where it is: krant --db \(repaired)

            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: krant.databasePath)) == before)
        #expect(!FileManager.default.fileExists(atPath: krant.databasePath + "-wal"))

        let onRepaired = ["KRANT_DB": repaired]
        let list = try JSONSerialization.jsonObject(with: Data(try krant.run(["list", "--json"], environment: onRepaired).stdout.utf8))
        let rows = try #require(list as? [[String: Any]])
        let ids = Set(rows.compactMap { $0["id"] as? Int64 })
        #expect(ids == Set(Int64(1)...603).subtracting(fixture.lost))
        let state = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? Int64 ?? 0, $0) })
        #expect(state[1]?["read"] as? Bool == true && state[2]?["read"] as? Bool == true)
        #expect(state[3]?["starred"] as? Bool == true && state[3]?["read"] as? Bool == false)
        #expect(rows.filter { $0["read"] as? Bool == true }.count == 2)
        #expect(try krant.run(["list", "--search", "zeehond", "--count"], environment: onRepaired).stdout == "\(kept)\n")
        #expect(try krant.run(["check"], environment: onRepaired).status == 0)

        let fetch = try krant.run(["fetch"], environment: onRepaired)
        #expect(fetch.stdout == "2 feeds, \(fixture.lost.count) new articles, 0 failed\n", "\(fetch.stderr)")
        #expect(try krant.run(["list", "--count"], environment: onRepaired).stdout == "603\n")
    }
}
