import Foundation
import KrantTestSupport
import Testing

/// The config file as a user meets it: remapped keys, a theme and a
/// changed colour in the real reader in tmux.
@Suite(.serialized) struct ConfigEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader

    /// A config file in a folder of its own, removed with the test.
    final class ConfigFile {
        let folder: URL
        var path: String { folder.appendingPathComponent("config.toml").path }

        init(_ text: String) throws {
            folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-config-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// `C` jumps to a caption besides `}`, `s` does nothing once unbound,
    /// `x` quits instead of `q`, and help shows the keys in force.
    @Test func remappedKeysWorkAndHelpShowsThem() throws {
        let config = try ConfigFile("""
            [keys]
            next-caption = ["}", "C"]
            quit = ["x"]
            toggle-star = []
            """)
        let reader = try Reader(width: 100, height: 40, environment: ["KRANT_CONFIG": config.path])
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("?")
        var screen = try reader.session.waitFor(text: "Keys (Esc closes)")
        #expect(screen.contains { $0.contains("│}, C           next photo caption") })
        #expect(screen.contains { $0.contains("│x              in the article: back to the list; in the list: quit") })
        #expect(screen.contains { $0.contains("│–              star / unstar") })
        // Help closes with the key quit has now.
        try reader.session.sendKeys("x")
        try reader.session.waitFor { !$0.contains { $0.contains("Keys (Esc closes)") } }
        try reader.session.sendKeys("G", "k", "Enter")
        try reader.session.waitFor { ReaderEndToEndTests.paneTop($0)?.contains("Na Noord-Korea") == true }
        try reader.session.sendKeys("C")
        // The article column is 80 wide, centred in the 100-column pane.
        screen = try reader.session.waitFor { ReaderEndToEndTests.paneTop($0)?.hasPrefix("          │ ANP · ") == true }
        try reader.session.sendKeys("s")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!(try reader.session.capture()).contains { $0.contains("Starred") })
        try reader.session.sendKeys("q")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(TmuxSession.exitStatus(in: try reader.session.capture()) == nil, "q no longer quits")
        try reader.session.sendKeys("x", "x")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.cli(["list", "--starred", "--count"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// The light theme's selection (white on blue) and a true colour for
    /// unread headlines, drawn as the nearest of tmux's 256 colours.
    @Test func themeAndColourReachTheTerminal() throws {
        let config = try ConfigFile("""
            theme = "light"
            [style]
            unread = { fg = "#ff0000", bold = true }
            """)
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path, "TERM": "tmux-256color"])
        try reader.waitForStatus("5 unread of 5")
        let screen = try reader.session.captureWithAttributes()
        let rows = screen.split(separator: "\n").map(String.init)
        let selected = ReaderEndToEndTests.sgrParameters(rows[0])
        #expect(selected.contains(37) && selected.contains(44), "white on blue: \(selected)")
        #expect(rows[1].contains("\u{1B}[38;5;196m"), "unread in the 256-colour red nearest #ff0000: \(rows[1])")
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
    }

    /// `mouse = false`: the terminal is never asked for mouse reports, so a
    /// click stays the terminal's (text selection); a terminal then sends
    /// the program nothing for it.
    @Test func mouseOffLeavesTheMouseToTheTerminal() throws {
        let config = try ConfigFile("mouse = false\n")
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path])
        try reader.waitForStatus("5 unread of 5")
        #expect(try !reader.session.reportsMouse)
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
    }

    /// A link is one argument of the browser, never text a shell reads:
    /// not with the config file's argument list, and not with a `$BROWSER`
    /// that says `%u`, even when the link is built to break out of quotes.
    @Test(arguments: [true, false]) func aLinkNeverRunsACommand(configured: Bool) throws {
        let config = try ConfigFile("")
        let folder = config.folder.path
        let hostile = "e1$(touch${IFS}\(folder)/pwned)'`touch${IFS}\(folder)/pwned2`"
        let feed = config.folder.appendingPathComponent("feed.xml")
        try SampleFeed.rss(items: [(hostile, "Enige bericht")]).write(to: feed, atomically: true, encoding: .utf8)
        let opened = config.folder.appendingPathComponent("opened").path
        let browser = config.folder.appendingPathComponent("browser.sh")
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \(opened)\n"
            .write(to: browser, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        var environment = ["KRANT_CONFIG": config.path]
        if configured {
            try "browser = [\"\(browser.path)\", \"--new-tab\", \"%u\"]\n".write(toFile: config.path, atomically: true, encoding: .utf8)
            environment["BROWSER"] = "/bin/false"
        } else {
            environment["BROWSER"] = "\(browser.path) %u"
        }
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(environment: environment, prefix: "\(binary) import \(feed.path) >/dev/null && ")
        try reader.waitForStatus("unread of")
        try reader.session.sendKeys("g", "Enter")
        try reader.waitForStatus("0 unread of 1")
        try reader.session.sendKeys("O")
        try reader.waitForStatus("Opening https://nos.example/artikel/")
        let link = "https://nos.example/artikel/" + hostile
        #expect(try String(contentsOfFile: opened, encoding: .utf8) == (configured ? "--new-tab\n" : "") + link + "\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned2"))
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
    }

    /// A bad file stops the reader before it draws anything, with the line.
    @Test func aBadFileStopsTheReaderWithItsLine() throws {
        let config = try ConfigFile("[keys]\nnxt-caption = [\"C\"]\n")
        let reader = try Reader(width: 250, environment: ["KRANT_CONFIG": config.path])
        let screen = try reader.session.waitFor(text: "[exit=2]")
        #expect(screen.contains { $0.contains("krant: \(config.path):2:1: unknown action 'nxt-caption' in [keys]; did you mean 'next-caption'?") })
    }
}
