import Foundation
import KrantTestSupport
import Testing

/// What a new user reads when a command is typed wrong (issue 11 §7): whole
/// lines, one clear reason, and nothing the terminal would act on.
@Suite struct UsageMessageTests {
    /// The parser's error, then its usage, each on a line of its own.
    @Test func parserErrorsKeepTheirLineBreaks() throws {
        let krant = try KrantRunner()
        let output = try krant.run(["list", "--bogus"])
        #expect(output.status == 2)
        #expect(!output.stderr.contains(#"\x0A"#))
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.first == "Error: Unknown option '--bogus'")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: krant list ") == true)
        #expect(lines.last?.contains("krant list --help") == true)
    }

    /// What the user typed is quoted in the message, and it is still escaped:
    /// a line break or escape sequence in an argument is shown, not acted on.
    @Test func argumentsQuotedInParserErrorsAreEscaped() throws {
        let krant = try KrantRunner()
        let option = try krant.run(["list", "--bo\ngus\u{1B}]0;titel\u{07}"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix(#"Error: Unknown option '--bo\x0Agus\x1B]0;titel\x07'"# + "\n"))
        let value = try krant.run(["show", "a\nb\u{1B}[2J"])
        #expect(value.status == 2)
        #expect(value.stderr.hasPrefix(#"Error: The value 'a\x0Ab\x1B[2J' is invalid for '<id>'"# + "\n"))
        let assigned = try krant.run(["list", "--limit=1\n2"])
        #expect(assigned.stderr.contains(#"'1\x0A2'"#))
        for output in [option, value, assigned] {
            #expect(!output.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            #expect(output.stderr.split(separator: "\n").contains { $0.hasPrefix("Usage: krant ") })
        }
    }

    @Test func markSaysExactlyOneOfReadAndUnreadIsNeeded() throws {
        let krant = try KrantRunner()
        let neither = try krant.run(["mark", "1"])
        #expect(neither.status == 2)
        #expect(neither.stderr.hasPrefix("Error: Give exactly one of --read and --unread.\n"))
        #expect(!neither.stderr.contains("<read>"))
        let both = try krant.run(["mark", "1", "--read", "--unread"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("Error: Give exactly one of --read and --unread, not both.\n"))
        let help = try krant.run(["mark", "--help"]).stdout
        #expect(help.contains("USAGE: krant mark <ids> ... (--read | --unread) [--db <path>] [--config <path>]"))
        #expect(!help.contains("--read --unread"))
        #expect(neither.stderr.contains("Usage: krant mark <ids> ... (--read | --unread)"))
    }

    @Test func aLimitMustBeAPositiveNumber() throws {
        let krant = try KrantRunner()
        for (arguments, value) in [(["--limit", "-3"], "-3"), (["--limit=-3"], "-3"), (["--limit", "0"], "0")] {
            let output = try krant.run(["list"] + arguments)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr.hasPrefix("Error: --limit must be a positive number, not \(value).\n"), "\(arguments)")
        }
        let word = try krant.run(["list", "--limit", "x"])
        #expect(word.status == 2)
        #expect(word.stderr.hasPrefix("Error: The value 'x' is invalid for '--limit <n>'"))
        try krant.run(["import", KrantRunner.sampleArticle])
        #expect(try krant.run(["list", "--limit", "1"]).stdout.split(separator: "\n").count == 1)
    }

    /// A category no article or feed has is a typo, not an empty view.
    @Test func anUnknownCategoryIsNamedWithTheOnesThereAre() throws {
        let krant = try KrantRunner()
        let empty = try krant.run(["list", "--category", "Nope"])
        #expect(empty.status == 1)
        #expect(empty.stdout == "")
        #expect(empty.stderr == "krant: no category \"Nope\" (no article has a category)\n")

        let outlines = [("Sport", "https://nos.example/sport.xml"), ("binnenland", "https://nos.example/bi.xml")]
            .map { "<outline text=\"\($0.0)\"><outline type=\"rss\" text=\"f\" xmlUrl=\"\($0.1)\"/></outline>" }.joined()
        let opml = try krant.write("subs.opml", Array("<opml version=\"2.0\"><head/><body>\(outlines)</body></opml>".utf8))
        #expect(try krant.run(["feeds", "import-opml", opml]).status == 0)
        for extra in [[], ["--count"], ["--json"]] {
            let unknown = try krant.run(["list", "--category", "Nope"] + extra)
            #expect(unknown.status == 1)
            #expect(unknown.stdout == "")
            #expect(unknown.stderr == "krant: no category \"Nope\" (the categories are: binnenland, Sport)\n")
        }
        // A category only a feed has so far is known: an empty view, not an error.
        let known = try krant.run(["list", "--category", "Sport", "--count"])
        #expect(known.status == 0)
        #expect(known.stdout == "0\n")
        #expect(try krant.run(["list", "--category", "sport"]).status == 1)
    }

    @Test func noTerminalIsSaidOnce() throws {
        let krant = try KrantRunner()
        // The runner's stdin is /dev/null.
        let output = try krant.run([], environment: ["TERM": "xterm-256color"])
        #expect(output.status == 2)
        #expect(output.stderr == "krant: needs a terminal: standard input is not one "
                + "(run krant in a terminal, or use `krant list` for plain output)\n")
    }

    /// "1 article", "2 articles": every count the command line prints agrees with its noun.
    @Test func countsAgreeWithTheirNouns() throws {
        let server = try FetchTestServer(routes: [
            "/een.xml": { _ in .text(SampleFeed.rss(items: [("e1", "Enige bericht")])) },
        ])
        defer { server.stop() }
        let krant = try KrantRunner()
        let url = server.url("/een.xml")
        #expect(try krant.run(["feeds", "add", url]).stdout == "subscribed to NOS Nieuws - Binnenland (\(url)): 1 article\n")
        #expect(try krant.run(["fetch"]).stdout == "1 feed, 0 new articles, 0 failed\n")
        #expect(try krant.run(["feeds", "remove", url, "--keep-articles"]).stdout
                == "removed NOS Nieuws - Binnenland (its 1 article was kept)\n")
        let opml = try krant.write("een.opml", Array("""
            <opml version="2.0"><head/><body><outline type="rss" text="f" xmlUrl="\(url)"/></body></opml>
            """.utf8))
        #expect(try krant.run(["feeds", "import-opml", opml]).stdout == "subscribed to 1 feed, 0 already subscribed\n")
        #expect(try krant.run(["index"]).stdout == "search index is up to date\n")
    }
}
