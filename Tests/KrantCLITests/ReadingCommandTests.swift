import Foundation
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
}
