import Foundation
import KrantTestSupport
import Testing

/// `krant fetch --quiet` and the config file's `notify` command, with
/// `file://` subscriptions (an imported feed file is read again by fetch).
@Suite struct FetchNotifyCommandTests {
    /// A feed file of the given titles, and a config file whose `notify`
    /// runs a script that writes each argument it gets on a line of a file.
    struct Setup: ~Copyable {
        let krant: KrantRunner
        let feed: String
        let record: String
        let config: String

        init(notify: (String) -> String) throws {
            let krant = try KrantRunner()
            let record = krant.directory.appendingPathComponent("arguments").path
            let script = try krant.write("record.sh", Array("""
                #!/bin/sh
                for argument in "$@"; do printf '<%s>\\n' "$argument"; done >> \(record)
                echo "said on stdout"
                """.utf8))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
            config = try krant.write("config.toml", Array(notify(script).utf8))
            feed = krant.directory.appendingPathComponent("feed.xml").path
            self.record = record
            self.krant = krant
        }

        func writeFeed(_ titles: [String]) throws {
            try SampleFeed.rss(items: titles.enumerated().map { ("item-\($0.offset)", $0.element) })
                .write(toFile: feed, atomically: false, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> KrantRunner.Output {
            try krant.run(arguments, environment: ["KRANT_CONFIG": config])
        }
    }

    @Test func quietPrintsNothingButErrors() throws {
        let setup = try Setup { _ in "" }
        try setup.writeFeed(["Eerste"])
        #expect(try setup.run(["import", setup.feed]).status == 0)
        try setup.writeFeed(["Eerste", "Tweede"])
        let quiet = try setup.run(["fetch", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "")
        #expect(quiet.stderr == "")
        #expect(try setup.run(["list", "--count"]).stdout == "2\n")
        // Without --quiet the summary is there.
        #expect(try setup.run(["fetch"]).stdout == "1 feed, 0 new articles, 0 failed\n")
        // An error is still said, and the status says it too.
        try FileManager.default.removeItem(atPath: setup.feed)
        let failed = try setup.run(["fetch", "--quiet"])
        #expect(failed.status == 1)
        #expect(failed.stdout == "")
        #expect(failed.stderr.hasPrefix("krant: NOS Nieuws - Binnenland (file://"))
        #expect(failed.stderr.contains("cannot be read"))
        #expect(failed.stderr.split(separator: "\n").count == 1)
    }

    /// Titles with a command substitution, quotes and escape bytes reach the
    /// command as plain argument text, cleaned; nothing runs them.
    @Test func notifyGetsTheCountAndTheFirstTitlesAsPlainArguments() throws {
        let setup = try Setup { script in "notify = [\"\(script)\", \"krant\", \"%n new: %t\", \"100%%\"]\n" }
        let folder = setup.krant.directory.path
        try setup.writeFeed(["Oud bericht"])
        #expect(try setup.run(["import", setup.feed]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: setup.record), "an import is not a fetch")
        // Nothing new: no notification.
        #expect(try setup.run(["fetch", "--quiet"]).stdout == "")
        #expect(!FileManager.default.fileExists(atPath: setup.record))
        // Short enough to stay whole (a title is cut at 120 characters).
        let hostile = "Kabinet $(touch \(folder)/p) `id` 'quote' &quot;dubbel&quot;"
            + " \u{1B}]2;titel\u{07}\u{1B}[31mrood\u{9B}0m einde"
        try setup.writeFeed(["Oud bericht", hostile, "Tweede nieuw", "Derde nieuw", "Vierde nieuw"])
        let fetched = try setup.run(["fetch", "--quiet"])
        #expect(fetched.status == 0)
        // The command's own output is its own; krant adds nothing.
        #expect(fetched.stdout == "said on stdout\n")
        #expect(fetched.stderr == "")
        let recorded = try String(contentsOfFile: setup.record, encoding: .utf8)
        #expect(recorded == """
            <krant>
            <4 new: Kabinet $(touch \(folder)/p) `id` 'quote' "dubbel" rood einde
            Tweede nieuw
            Derde nieuw>
            <100%>

            """)
        #expect(!recorded.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
        #expect(!FileManager.default.fileExists(atPath: folder + "/p"))
    }

    @Test func aFailingNotifyIsOneLineAndNotFatal() throws {
        for (command, reason) in [("[\"/bin/false\"]", "/bin/false exited with status 1"),
                                  ("[\"no-such-notifier-krant\", \"%n\"]", "no-such-notifier-krant not found on PATH"),
                                  ("[\"/no/such/notifier\"]", "cannot run /no/such/notifier: ")] {
            let setup = try Setup { _ in "notify = \(command)\n" }
            try setup.writeFeed(["Een"])
            #expect(try setup.run(["import", setup.feed]).status == 0)
            try setup.writeFeed(["Een", "Twee"])
            let fetched = try setup.run(["fetch"])
            #expect(fetched.status == 0, "\(command)")
            #expect(fetched.stdout == "1 feed, 1 new article, 0 failed\n")
            #expect(fetched.stderr.hasPrefix("krant: notify: " + reason), "\(fetched.stderr)")
            #expect(fetched.stderr.split(separator: "\n").count == 1, "\(fetched.stderr)")
            #expect(try setup.run(["list", "--count"]).stdout == "2\n")
        }
    }
}
