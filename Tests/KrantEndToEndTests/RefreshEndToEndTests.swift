import Foundation
import KrantTestSupport
import Testing

/// The reader fetching by itself (`refresh_minutes`), the `notify` command
/// it runs, and the terminal title (`set_title`), in the real reader in tmux.
///
/// The interval is the real one from the config file: 0.05 minutes, the
/// shortest allowed, so the test waits seconds, with no hidden switch.
@Suite(.serialized) struct RefreshEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader
    typealias ConfigFile = ConfigEndToEndTests.ConfigFile

    /// Sets the pane's title before krant starts, so its restoring shows.
    static let titleBefore = "printf '\\033]2;before\\033\\\\' && "

    @Test func theReaderFetchesByItselfSaysWhenAndNotifies() throws {
        let config = try ConfigFile("")
        let folder = config.folder
        let feed = folder.appendingPathComponent("feed.xml")
        let record = folder.appendingPathComponent("notified").path
        let script = folder.appendingPathComponent("notify.sh")
        try "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done >> \(record)\necho on-stdout; echo on-stderr >&2\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try "refresh_minutes = 0.05\nnotify = [\"\(script.path)\", \"%n new\", \"%t\"]\n"
            .write(toFile: config.path, atomically: true, encoding: .utf8)
        try SampleFeed.rss(items: [("een", "Eerste bericht")]).write(to: feed, atomically: false, encoding: .utf8)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(width: 100, environment: ["KRANT_CONFIG": config.path],
                                prefix: Self.titleBefore + "\(binary) import \(feed.path) >/dev/null && ")
        try reader.waitForStatus("1 unread of 1")
        #expect(try reader.session.display("#{pane_title}") == "krant: 1 unread")
        let started = ContinuousClock.now
        try SampleFeed.rss(items: [("een", "Eerste bericht"), ("twee", "Tweede $(id) bericht"), ("drie", "Derde bericht")])
            .write(to: feed, atomically: false, encoding: .utf8)
        // Within an interval and a bit, with no key pressed.
        let screen = try reader.session.waitFor(timeout: .seconds(20)) { screen in
            let status = screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            return status.contains("3 unread of 3") && status.contains(": 2 new · ? help")
        }
        let waited = ContinuousClock.now - started
        #expect(waited < .seconds(15), "\(waited)")
        let status = try #require(screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(status.range(of: #"fetched \d\d:\d\d: 2 new · \? help\s*$"#, options: .regularExpression) != nil, "\(status)")
        // The command's output never lands on the screen.
        #expect(!screen.contains { $0.contains("on-stdout") || $0.contains("on-stderr") })
        try reader.session.waitFor { _ in (try? reader.session.display("#{pane_title}")) == "krant: 3 unread" }
        #expect(try String(contentsOfFile: record, encoding: .utf8) == "<2 new>\n<Tweede $(id) bericht\nDerde bericht>\n")
        // Reading one moves the title along.
        try reader.session.sendKeys("Enter")
        try reader.waitForStatus("2 unread of 3")
        try reader.session.waitFor { _ in (try? reader.session.display("#{pane_title}")) == "krant: 2 unread" }
        // A fetch that brings nothing says so, and notifies nobody.
        try reader.session.sendKeys("q")
        try reader.session.waitFor(timeout: .seconds(20)) { screen in
            screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains(": 0 new · ? help") == true
        }
        #expect(try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").count == 3)
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.session.display("#{pane_title}") == "before", "the title krant found is back")
    }

    @Test func setTitleFalseLeavesTheTitleAlone() throws {
        let config = try ConfigFile("set_title = false\n")
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path], prefix: Self.titleBefore)
        try reader.waitForStatus("5 unread of 5")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try reader.session.display("#{pane_title}") == "before")
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.session.display("#{pane_title}") == "before")
    }

    /// An article title never gets into the terminal's title, whatever it holds.
    @Test func theTitleIsKrantsOwnWords() throws {
        let config = try ConfigFile("language = \"nl\"\n")
        let feed = config.folder.appendingPathComponent("feed.xml")
        try SampleFeed.rss(items: [("een", "\u{1B}]2;gekaapt\u{07}Kop")]).write(to: feed, atomically: false, encoding: .utf8)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path],
                                prefix: "\(binary) import \(feed.path) >/dev/null && ")
        try reader.waitForStatus("1 ongelezen van 1")
        try reader.session.waitFor { _ in (try? reader.session.display("#{pane_title}")) == "krant: 1 ongelezen" }
    }
}
