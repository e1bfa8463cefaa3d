import Foundation
import KrantContent
import KrantStore
import KrantTestSupport
import Testing

/// Commands that only read open the store over one connection: a status
/// bar that runs `krant list --unread --count` every few seconds must not
/// write to the disk each time (a pool's first connection writes to set up
/// SQLite's log, and the last one copies that back into the store).
@Suite struct ReadingCommandTests {
    @Test func readingAStoreLeavesItsFileAsItWas() throws {
        let krant = try KrantRunner()
        #expect(try krant.run(["import", KrantRunner.sampleArticle]).status == 0)
        let path = krant.databasePath
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(modified != nil)
        for arguments in [["list", "--unread", "--count"], ["list", "--json"], ["list", "--search", "vietnam", "--count"],
                          ["show", "1"], ["feeds", "list"], ["samples", "list"]] {
            let output = try krant.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
        }
        #expect(try krant.run(["list", "--search", "vietnam", "--count"]).stdout == "1\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        // And a command that writes still can, after them.
        #expect(try krant.run(["mark", "1", "--read"]).status == 0)
        #expect(try krant.run(["list", "--unread", "--count"]).stdout == "0\n")
    }

    /// A search that finds the index behind (here: built by another
    /// version's rules, so this krant empties it on opening) catches it up
    /// first, on a pool, and finds every article.
    @Test func aSearchCatchesTheIndexUpFirst() throws {
        let krant = try KrantRunner()
        let feed = krant.directory.appendingPathComponent("klein.xml").path
        try SampleFeed.rss(items: [("a", "Walvisstranding bij Texel"), ("b", "Storm op zee")])
            .write(toFile: feed, atomically: true, encoding: .utf8)
        #expect(try krant.run(["import", feed]).status == 0)
        let other = ContentConverter(version: ContentConverter.currentVersion + 1) { credit, text, html in
            HTMLBody.searchableText(leadCredit: credit, leadText: text, html: html)
        }
        do {
            let store = try ArticleStore(path: krant.databasePath, converter: other)
            #expect(try store.catchUpSearch() == 2)
        }
        let found = try krant.run(["list", "--search", "walvisstranding", "--count"])
        #expect(found.stdout == "1\n", "\(found.stderr)")
        #expect(try ArticleStore(path: krant.databasePath).searchBacklog() == 0)
        #expect(try krant.run(["index"]).stdout == "search index is up to date\n")
    }
}
