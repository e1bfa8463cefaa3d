import Foundation
import Testing

/// `krant samples` on stores without samples: the reader's first run, which
/// puts them in, is driven in tmux (`ReaderEndToEndTests`).
@Suite struct SamplesCommandTests {
    @Test func withoutSamplesThereIsNothingToRemoveAndTheUsersArticlesStay() throws {
        let krant = try KrantRunner()
        // The bundled files imported by hand are the user's own articles.
        try krant.run(["import", KrantRunner.repositoryRoot.appendingPathComponent("Resources/articles").path])
        for arguments in [["samples"], ["samples", "list"]] {
            let listed = try krant.run(arguments)
            #expect(listed.status == 0)
            #expect(listed.stdout == "no sample articles in this store\n")
        }
        let removed = try krant.run(["samples", "remove"])
        #expect(removed.status == 0)
        #expect(removed.stdout == "no sample articles to remove\n")
        #expect(try krant.run(["list", "--count"]).stdout == "5\n")
        #expect(try krant.run(["list", "--search", "oekraine", "--count"]).stdout == "1\n")
    }

    /// A store a krant before the samples' category made: the samples came
    /// from the resource bundle without a category, and are found by what
    /// they are and where they were read from.
    @Test func samplesOfAnOlderStoreAreFoundByContentAndOrigin() throws {
        let krant = try KrantRunner()
        let bundle = KrantRunner.executable.deletingLastPathComponent().appendingPathComponent("krant_krant.resources/articles")
        try krant.run(["import", bundle.path])
        let own = try krant.write("eigen.txt", Array("Eigen bericht\n\nEen alinea van de lezer zelf.\n".utf8))
        try krant.run(["import", own])
        #expect(try krant.run(["list", "--count"]).stdout == "6\n")
        #expect(try krant.run(["samples"]).stdout.split(separator: "\n").count == 5)
        #expect(try krant.run(["samples", "remove"]).stdout == "removed 5 sample articles\n")
        #expect(try krant.run(["list"]).stdout.contains("Eigen bericht"))
        #expect(try krant.run(["list", "--count"]).stdout == "1\n")
    }

    @Test func helpSaysWhatTheSamplesAre() throws {
        let krant = try KrantRunner()
        let help = try krant.run(["samples", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("krant samples remove"))
        #expect(help.stdout.contains("\"krant samples\""))
        #expect(try krant.run(["samples", "remove", "--help"]).status == 0)
    }
}
