import Foundation
import GRDB
import KrantContent
import KrantCore
import KrantStore
import KrantTestSupport
import Testing

/// The real `krant` binary, driven in tmux as a user would drive it.
@Suite(.serialized) struct ReaderEndToEndTests {
    /// A private store and a reader started on it; the reader's pid is written
    /// to a file (the shell `exec`s krant) so tests can kill it.
    final class Reader {
        let folder: URL
        let session: TmuxSession
        var databasePath: String { folder.appendingPathComponent("krant.db").path }
        var pidPath: String { folder.appendingPathComponent("pid").path }

        init(width: Int = 80, height: Int = 24, environment: [String: String] = [:], prefix: String = "") throws {
            folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var environment = environment
            environment["KRANT_DB"] = environment["KRANT_DB"] ?? folder.appendingPathComponent("krant.db").path
            // Only the config file a test writes, never the developer's own.
            environment["XDG_CONFIG_HOME"] = environment["XDG_CONFIG_HOME"] ?? folder.appendingPathComponent("config").path
            let binary = TmuxSession.krantExecutable.path
            session = try TmuxSession(command: "\(prefix)sh -c 'echo $$ > \(folder.path)/pid; exec \(binary)'",
                                      width: width, height: height, environment: environment)
        }

        deinit {
            session.kill()
            try? FileManager.default.removeItem(at: folder)
        }

        var pid: pid_t? { (try? String(contentsOfFile: pidPath, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }

        /// Whether the reader has libcurl (and the TLS libraries behind it)
        /// mapped: only once it has fetched.
        func mapsLibcurl() throws -> Bool {
            let maps = try ProcFile.contents("/proc/\(try #require(pid))/maps")
            #expect(maps.contains("[stack]"), "the whole of the maps")
            return maps.contains("/libcurl")
        }

        /// Runs the krant command line against the same store.
        func cli(_ arguments: [String]) throws -> String {
            var environment = ProcessInfo.processInfo.environment
            environment["KRANT_DB"] = databasePath
            return try ChildProcess.run([TmuxSession.krantExecutable.path] + arguments, environment: environment).text
        }

        @discardableResult
        func waitForStatus(_ text: String) throws -> [String] {
            try session.waitFor { $0.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains(text) == true }
        }
    }

    /// The row just under the divider: the first line of the article pane.
    static func paneTop(_ screen: [String]) -> String? {
        guard let divider = screen.firstIndex(where: { $0.hasPrefix("────") || $0.hasPrefix("━━━━") }),
              divider + 1 < screen.count else { return nil }
        return screen[divider + 1]
    }

    @Test func firstRunShowsTheBundledArticles() throws {
        let reader = try Reader()
        let screen = try reader.waitForStatus("5 unread of 5")
        #expect(screen.contains { $0.contains("Na Noord-Korea krijgt Poetin ook warm onthaal in") })
        #expect(screen.contains { $0.contains("絵文字") })
        #expect(screen.filter { $0.hasPrefix("N  ") }.count == 5)
    }

    @Test func readMarksFlipAndTheCommandLineSeesThem() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        // Open the top article (read), back to the list, `r` makes it unread
        // again, `r` once more read; `s` stars it.
        try reader.session.sendKeys("Enter")
        try reader.waitForStatus("4 unread of 5")
        try reader.session.sendKeys("q", "r")
        var screen = try reader.waitForStatus("5 unread of 5")
        #expect(screen.filter { $0.hasPrefix("N  ") }.count == 5)
        try reader.session.sendKeys("r", "s")
        screen = try reader.session.waitFor { $0.contains { $0.hasPrefix(" * ") } }
        #expect(screen.filter { $0.hasPrefix("N  ") }.count == 4)
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)

        let list = try #require(try JSONSerialization.jsonObject(with: Data(try reader.cli(["list", "--json"]).utf8))
                                as? [[String: Any]])
        #expect(list.count == 5)
        #expect(list.filter { $0["read"] as? Bool == true }.count == 1)
        #expect(list.first?["read"] as? Bool == true)
        #expect(list.first?["starred"] as? Bool == true)
    }

    @Test func capitalOOpensTheLinkInTheBrowserAndComesBack() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-browser-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.xml")
        try SampleFeed.rss(items: [("e1", "Enige bericht")]).write(to: feed, atomically: true, encoding: .utf8)
        // A "browser" that writes the URL it was given; the first in the
        // colon-separated list does not exist and is passed over.
        let opened = folder.appendingPathComponent("opened").path
        let browser = folder.appendingPathComponent("browser.sh")
        try "#!/bin/sh\nprintf '%s' \"$1\" > \(opened)\n".write(to: browser, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(environment: ["BROWSER": "/geen/browser:\(browser.path)"],
                                prefix: "\(binary) import \(feed.path) >/dev/null && ")
        try reader.waitForStatus("unread of")
        try reader.session.sendKeys("g", "Enter")
        try reader.waitForStatus("0 unread of 1")
        try reader.session.sendKeys("O")
        // The reader is back, on the same article, and still answers keys.
        let screen = try reader.waitForStatus("Opening https://nos.example/artikel/e1")
        #expect(screen.contains { $0.contains("│ ANP · Werkzaamheden aan de Lekdijk") })
        #expect(try String(contentsOfFile: opened, encoding: .utf8) == "https://nos.example/artikel/e1")
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
    }

    @Test func aStoreEmptiedByItsReaderGetsNoSamples() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-feed-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.xml")
        try SampleFeed.rss(items: [("e1", "Enige bericht")]).write(to: feed, atomically: true, encoding: .utf8)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(prefix: "\(binary) import \(feed.path) >/dev/null && \(binary) feeds remove 1 >/dev/null && ")
        let screen = try reader.waitForStatus("0 unread of 0")
        #expect(screen.contains { $0.contains("No articles yet") })
    }

    /// The first run's samples are a category of their own; `krant samples
    /// remove` takes out exactly them, and the next start does not bring
    /// them back.
    @Test func removedSamplesStayRemoved() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("c")
        let chooser = try reader.session.waitFor(text: "Categories and feeds")
        #expect(chooser.contains { $0.contains("krant samples") && $0.contains("5 unread of 5") })
        try reader.session.sendKeys("c")
        try reader.session.waitFor { !$0.contains { $0.contains("Categories and feeds") } }
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)

        #expect(try reader.cli(["samples"]).split(separator: "\n").count == 5)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try reader.cli(["list", "--json"]).utf8))
                                as? [[String: Any]])
        #expect(list.count == 5)
        #expect(list.allSatisfy { $0["category"] as? String == "krant samples" })
        #expect(try reader.cli(["samples", "remove"]) == "removed 5 sample articles\n")
        #expect(try reader.cli(["list", "--count"]) == "0\n")
        #expect(try reader.cli(["list", "--search", "oekraine", "--count"]) == "0\n")
        #expect(try reader.cli(["samples"]) == "no sample articles in this store\n")

        let again = try Reader(environment: ["KRANT_DB": reader.databasePath])
        let screen = try again.waitForStatus("0 unread of 0")
        #expect(screen.contains { $0.contains("No articles yet") })
        #expect(try again.cli(["samples"]) == "no sample articles in this store\n")
    }

    @Test func sectionAndCaptionJumpsOnTheSample() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        // The sample is the oldest dated bundled article: above the undated one, which sorts last.
        try reader.session.sendKeys("G", "k", "Enter")
        try reader.session.waitFor { Self.paneTop($0)?.contains("Na Noord-Korea") == true }
        try reader.session.sendKeys("]")
        // The whole frame: the pane and the status bar (tmux may capture a frame half drawn).
        var screen = try reader.session.waitFor {
            Self.paneTop($0)?.trimmingCharacters(in: .whitespaces) == "§ Balanceeract"
                && $0.last?.contains("4 unread of 5 · § Balanceeract") == true
        }
        try reader.session.sendKeys("{")
        screen = try reader.session.waitFor { Self.paneTop($0)?.hasPrefix(" │ ANP · De welkomstceremonie") == true }
        try reader.session.sendKeys("o")
        screen = try reader.session.waitFor(text: "Outline")
        #expect(screen.contains { $0.contains("§ Balanceeract") })
    }

    /// The screen shows an opened article as read before its mark is
    /// written (the write runs off the main thread), but the next key is
    /// handled only once the mark is stored: once `q`'s effect is on screen,
    /// a reader killed at once has kept the mark.
    /// A store whose search index another krant built, with other rules for
    /// an article's words: the reader says the index is being rebuilt, and
    /// search finds the article once the background indexer is done.
    @Test func anIndexBuiltByAnotherKrantIsRebuiltAndSaid() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("krant.db").path
        do {
            let other = ContentConverter(version: ContentConverter.currentVersion + 1, searchableText: { _, _, _ in "" })
            let store = try ArticleStore(path: path, converter: other)
            _ = try store.insert([(Article(title: "Walvisstranding bij Texel", blocks: [.paragraph("Een potvis.")]),
                                   "e2e-walvis")])
        }
        let reader = try Reader(width: 160, height: 24, environment: ["KRANT_DB": path])
        try reader.waitForStatus("Rebuilding the search index for this krant: 1 article not searchable yet")
        try reader.session.sendKeys("/", "potvis", "Enter")
        try reader.session.waitFor { screen in
            screen.contains { $0.contains("Walvisstranding bij Texel") }
                && screen.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains("1 result") == true
        }
    }

    /// Another process holds the store's write lock (as an import does for a
    /// batch): opening an article does not wait for it, and the next action
    /// that reads the store back (`u`, the unread view) shows the mark, so it
    /// was stored first and survives kill -9.
    @Test func openingNeverWaitsForTheWriterAndTheMarkIsDurableBeforeItIsReadBack() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // one held across the keys below
        let other = try DatabaseQueue(path: reader.databasePath, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        var locked = true
        defer { if locked { try? other.inDatabase { db in try db.execute(sql: "ROLLBACK") } } }

        try reader.session.sendKeys("Enter")
        // Drawn while the mark cannot be written yet.
        try reader.session.waitFor { $0.contains { $0.contains("4 unread of 5") } && $0.contains { $0.hasPrefix("━━━━") } }
        try reader.session.sendKeys("q", "u")
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        locked = false
        // Read back after the mark was stored: four unread rows, not five.
        let screen = try reader.session.waitFor { screen in
            screen.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains("unread · 4 unread of 4") == true
        }
        #expect(screen.filter { $0.hasPrefix("N  ") }.count == 4)
        let pid = try #require(reader.pid)
        #expect(Foundation.kill(pid, SIGKILL) == 0)
        #expect(try reader.session.waitForExit() == 137)
        #expect(try reader.cli(["list", "--unread", "--count"]) == "4\n")
    }

    @Test func resizingKeepsTheSectionOnTop() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("G", "k", "Enter", "]")
        try reader.session.waitFor { Self.paneTop($0)?.hasPrefix(" § Balanceeract") == true }
        try reader.session.resize(width: 60, height: 30)
        try reader.session.waitFor { screen in
            // The divider spans the whole width (tmux trims a row's trailing blanks).
            Self.paneTop(screen)?.hasPrefix(" § Balanceeract") == true
                && screen.contains { $0.hasPrefix("━") && $0.count == 60 }
        }
        // Each size is drawn before the next: 1x1 must not be skipped.
        try reader.session.resize(width: 1, height: 1)
        try reader.session.waitFor { $0.count == 1 }
        // Side by side: the 89-column pane centres the 80-column text (4 columns in).
        try reader.session.resize(width: 150, height: 40)
        let wide = try reader.session.waitFor { $0.first?.contains("┃    § Balanceeract") == true }
        #expect(wide.count == 40)
    }

    @Test func quitRestoresTheTerminal() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        #expect(try reader.session.display("#{alternate_on}") == "1")
        try reader.session.sendKeys("Enter", "q", "q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.session.display("#{alternate_on}") == "0")
    }

    @Test func markAllReadThenQuitAtOnceLosesNothing() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("A", "q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.cli(["list", "--unread", "--count"]) == "0\n")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        let pid = try #require(reader.pid)
        #expect(Foundation.kill(pid, SIGTERM) == 0)
        #expect(try reader.session.waitForExit() == 143)
        #expect(try reader.session.display("#{alternate_on}") == "0")
    }

    @Test func controlCRestoresTheTerminal() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("C-c")
        #expect(try reader.session.waitForExit() == 130)
        #expect(try reader.session.display("#{alternate_on}") == "0")
    }

    @Test(arguments: [("TERM=dumb ", "TERM=dumb"), ("TERM= ", "TERM is not set"), ("TERM=vt52000 ", "vt52000")])
    func unusableTerminalsAreRefused(prefix: String, message: String) throws {
        let reader = try Reader(prefix: "env \(prefix)")
        let screen = try reader.session.waitFor { $0.contains { $0.contains("[exit=") } }
        #expect(TmuxSession.exitStatus(in: screen) == 2)
        #expect(screen.contains { $0.hasPrefix("krant: ") && $0.contains(message) }, "\(screen)")
        #expect(try reader.session.display("#{alternate_on}") == "0")
    }

    @Test func notATerminalIsRefused() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["KRANT_DB"] = NSTemporaryDirectory() + "krant-e2e-\(UUID().uuidString.prefix(8)).db"
        environment["TERM"] = "xterm-256color"
        let output = try ChildProcess.run([TmuxSession.krantExecutable.path], environment: environment)
        #expect(output.status == 2)
        #expect(output.text.hasPrefix("krant: "))
        #expect(output.text.contains("terminal"))
        #expect(!output.text.contains("\u{1B}"))
        try? FileManager.default.removeItem(atPath: environment["KRANT_DB"]!)
    }

    @Test func noColorUsesAttributesOnly() throws {
        let reader = try Reader(environment: ["NO_COLOR": "1"])
        try reader.waitForStatus("5 unread of 5")
        let parameters = Self.sgrParameters(try reader.session.captureWithAttributes())
        #expect(parameters.contains(7), "the selected row is in reverse video")
        #expect(parameters.contains(1), "unread headlines are bold")
        // 39 and 49 only reset to the default colours.
        #expect(!parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) },
                "no colours: \(parameters)")
    }

    /// Every parameter of every SGR sequence (`ESC [ … m`) in captured text.
    static func sgrParameters(_ text: String) -> Set<Int> {
        var result = Set<Int>()
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
            if rest[end] == "m" {
                result.formUnion(rest[..<end].split(separator: ";").compactMap { Int($0) })
            }
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    @Test func articlesImportedByAnotherProcessAppearWithoutMovingTheSelection() throws {
        let reader = try Reader()
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("j", "j")
        let article = reader.folder.appendingPathComponent("nieuw.txt")
        try """
         date 2030-01 ANP Een nieuwe foto

        NOS Nieuws • 1 januari 2030, 09:00 Nieuw artikel uit een andere krant-opdracht

        Dit artikel komt binnen terwijl de lezer openstaat.
        """.write(to: article, atomically: true, encoding: .utf8)
        #expect(try reader.cli(["import", article.path]) == "imported 1 new, 0 already present, 0 rejected\n")
        let screen = try reader.waitForStatus("6 unread of 6")
        #expect(screen.first?.contains("Nieuw artikel uit een andere krant-opdracht") == true)
        // The selection stayed on the same article (now one row lower).
        try reader.session.sendKeys("Enter")
        try reader.session.waitFor { Self.paneTop($0)?.contains("Van Japanse telefoon tot wereldtaal") == true }
    }

    @Test func fetchedFeedItemsReadWithCaptionJumpsAndRefreshInTheReader() throws {
        let items = Locked([(guid: "n1", title: "Dijken worden versterkt")])
        let server = try FetchTestServer(routes: [
            "/binnenland.xml": { _ in .text(SampleFeed.rss(items: items.value)) },
        ])
        defer { server.stop() }
        // A store that already has articles, so the bundled samples stay out.
        let reader = try Reader(prefix: "\(TmuxSession.krantExecutable.path) feeds add \(server.url("/binnenland.xml")) >/dev/null && ")
        try reader.waitForStatus("1 unread of 1")
        try reader.session.sendKeys("Enter")
        try reader.session.waitFor { Self.paneTop($0)?.contains("Dijken worden versterkt") == true }
        try reader.session.sendKeys("}")
        try reader.session.waitFor { Self.paneTop($0)?.hasPrefix(" │ ANP · Werkzaamheden aan de Lekdijk") == true }
        try reader.session.sendKeys("]")
        try reader.session.waitFor { Self.paneTop($0)?.contains("§ Miljarden nodig") == true }
        try reader.session.sendKeys("}")
        try reader.session.waitFor { Self.paneTop($0)?.hasPrefix(" │ Reuters · Een dijkwerker aan het werk") == true }
        // Reading never loads libcurl; the first fetch does.
        #expect(try !reader.mapsLibcurl())

        // R fetches in the background; the new item appears, the selection stays.
        items.value.insert((guid: "n2", title: "Tweede bericht"), at: 0)
        try reader.session.sendKeys("q", "R")
        let screen = try reader.session.waitFor { $0.last?.contains("Fetched 1 feed: 1 new") == true }
        #expect(try reader.mapsLibcurl())
        #expect(screen.last?.contains("1 unread of 2") == true)
        #expect(screen.prefix(2).contains { $0.contains("Tweede bericht") })
        try reader.session.sendKeys("c")
        let chooser = try reader.session.waitFor(text: "Categories and feeds")
        #expect(chooser.contains { $0.contains("NOS Nieuws - Binnenland") && $0.contains("1 unread of 2") })
    }
}

/// A value shared between a test and its server's threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
