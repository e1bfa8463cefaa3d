import Foundation
import Testing

/// Following an article's links and opening its enclosure through the real
/// binary: `l` + Enter and `2o` run the configured browser, `e` + Enter
/// the configured player (the browser when none is set), each given the
/// link as one argument of its own.
@Suite(.serialized) struct LinksEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader

    /// One item whose body has two links in a paragraph and one in a
    /// caption, and a podcast enclosure.
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>NOS Nieuws</title><link>https://nos.example/</link>
        <item><title>Het dijkplan</title><link>https://nos.example/artikel/1</link><guid>dijkplan-1</guid>
        <enclosure url="https://cdn.example/aflevering.mp3" type="audio/mpeg" length="12345678"/>
        <content:encoded><![CDATA[
        <p>Lees <a href="https://nos.example/kamerbrief">de Kamerbrief</a> en <a href="https://www.rijksoverheid.example/plan">het plan</a>.</p>
        <figure><img src="https://nos.example/a.jpg"><figcaption>ANP Werk aan de dijk, uit <a href="https://foto.example/reeks">de fotoreeks</a></figcaption></figure>
        <p>Slot.</p>
        ]]></content:encoded></item>
        </channel></rss>
        """

    /// A script that appends its arguments, one a line, to `log`.
    static func recorder(_ path: URL, log: String) throws {
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \(log)\n"
            .write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    @Test(arguments: [true, false]) func linksAndTheEnclosureOpenWithTheirCommands(player configured: Bool) throws {
        let config = try ConfigEndToEndTests.ConfigFile("")
        let folder = config.folder
        let feed = folder.appendingPathComponent("feed.xml")
        try Self.feed.write(to: feed, atomically: true, encoding: .utf8)
        let browserLog = folder.appendingPathComponent("browser.log").path
        let playerLog = folder.appendingPathComponent("player.log").path
        let browser = folder.appendingPathComponent("browser.sh")
        let player = folder.appendingPathComponent("player.sh")
        try Self.recorder(browser, log: browserLog)
        try Self.recorder(player, log: playerLog)
        var file = "browser = [\"\(browser.path)\", \"%u\"]\n"
        if configured { file += "player = [\"\(player.path)\", \"--no-video\", \"%u\"]\n" }
        try file.write(toFile: config.path, atomically: true, encoding: .utf8)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path, "BROWSER": "/bin/false"],
                                prefix: "\(binary) import \(feed.path) >/dev/null && ")
        try reader.waitForStatus("unread of")
        try reader.session.sendKeys("g", "Enter")
        try reader.waitForStatus("0 unread of 1")

        try reader.session.sendKeys("l")
        let window = try reader.session.waitFor(text: "[3] de fotoreeks · foto.example")
        #expect(window.contains { $0.contains("[1] de Kamerbrief · nos.example") })
        #expect(window.contains { $0.contains("[2] het plan · www.rijksoverheid.example") })
        try reader.session.sendKeys("Enter")
        try reader.waitForStatus("Opening https://nos.example/kamerbrief")

        try reader.session.sendKeys("2")
        try reader.waitForStatus("2 · o opens link 2")
        try reader.session.sendKeys("o")
        try reader.waitForStatus("Opening https://www.rijksoverheid.example/plan")
        try reader.session.sendKeys("9", "o")
        try reader.waitForStatus("No link 9: this article has links 1 to 3")

        try reader.session.sendKeys("e")
        try reader.session.waitFor(text: "audio/mpeg, 12.3 MB  https://cdn.example/aflevering.mp3")
        try reader.session.sendKeys("Enter")
        try reader.waitForStatus("Opening https://cdn.example/aflevering.mp3")

        let opened = "https://nos.example/kamerbrief\nhttps://www.rijksoverheid.example/plan\n"
        let enclosure = "https://cdn.example/aflevering.mp3\n"
        if configured {
            #expect(try String(contentsOfFile: browserLog, encoding: .utf8) == opened)
            #expect(try String(contentsOfFile: playerLog, encoding: .utf8) == "--no-video\n" + enclosure)
        } else {
            #expect(try String(contentsOfFile: browserLog, encoding: .utf8) == opened + enclosure)
            #expect(!FileManager.default.fileExists(atPath: playerLog))
        }
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
    }
}
