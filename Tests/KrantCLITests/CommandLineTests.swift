import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func importingTheSampleTwiceKeepsOneCopy() throws {
        let krant = try KrantRunner()
        let first = try krant.run(["import", KrantRunner.sampleArticle])
        #expect(first.status == 0)
        #expect(first.stdout == "imported 1 new, 0 already present, 0 rejected\n")
        #expect(first.stderr == "")
        let second = try krant.run(["import", KrantRunner.sampleArticle])
        #expect(second.status == 0)
        #expect(second.stdout == "imported 0 new, 1 already present, 0 rejected\n")
        #expect(try krant.run(["list", "--count"]).stdout == "1\n")
    }

    @Test func listAndShowAsJSON() throws {
        let krant = try KrantRunner()
        try krant.run(["import", KrantRunner.sampleArticle])
        let list = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        #expect(list.count == 1)
        let row = try #require(list.first)
        #expect(Set(row.keys) == ["id", "title", "source", "category", "published", "when", "read", "starred"])
        #expect(row["title"] as? String == "Na Noord-Korea krijgt Poetin ook warm onthaal in Vietnam")
        #expect(row["source"] as? String == "NOS Nieuws")
        #expect(row["category"] is NSNull)
        #expect(row["when"] as? String == "vandaag, 11:29")
        #expect((row["published"] as? String)?.hasPrefix("2024-06") == true)
        #expect(row["read"] as? Bool == false)
        #expect(row["starred"] as? Bool == false)

        let id = try #require(row["id"] as? Int)
        let article = try #require(try krant.json(["show", String(id), "--json"]) as? [String: Any])
        #expect(article["id"] as? Int == id)
        #expect(article["url"] is NSNull)
        let lead = try #require(article["lead_caption"] as? [String: String])
        #expect(lead["credit"] == "ANP")
        #expect(lead["text"]?.hasPrefix("Poetin verwelkomt") == true)
        let blocks = try #require(article["blocks"] as? [[String: String]])
        #expect(blocks.count == 13)
        #expect(blocks.filter { $0["type"] == "paragraph" }.count == 11)
        #expect(blocks[4] == ["type": "caption", "credit": "ANP",
                              "text": "De welkomstceremonie bij het presidentieel paleis in Hanoi"])
        #expect(blocks[8] == ["type": "section", "title": "Balanceeract"])
    }

    @Test func showAsWrappedText() throws {
        let krant = try KrantRunner()
        try krant.run(["import", KrantRunner.sampleArticle])
        let output = try krant.run(["show", "1", "--width", "40"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "Na Noord-Korea krijgt Poetin ook warm")
        #expect(lines.dropFirst().first == "onthaal in Vietnam")
        #expect(lines.contains("NOS Nieuws • today, 11:29"))
        #expect(lines.contains("│ ANP · De welkomstceremonie bij het"))
        #expect(lines.contains("§ Balanceeract"))
        #expect(lines.allSatisfy { $0.count <= 40 })
    }

    @Test func markStarAndFilters() throws {
        let krant = try KrantRunner()
        try krant.run(["import", KrantRunner.repositoryRoot.appendingPathComponent("Resources/articles").path])
        #expect(try krant.run(["list", "--count"]).stdout == "5\n")
        #expect(try krant.run(["mark", "1", "2", "--read"]).status == 0)
        #expect(try krant.run(["list", "--unread", "--count"]).stdout == "3\n")
        #expect(try krant.run(["mark", "2", "--unread"]).status == 0)
        #expect(try krant.run(["list", "--unread", "--count"]).stdout == "4\n")
        #expect(try krant.run(["star", "3"]).status == 0)
        let starred = try #require(try krant.json(["list", "--starred", "--json"]) as? [[String: Any]])
        #expect(starred.map { $0["id"] as? Int } == [3])
        #expect(try krant.run(["unstar", "3"]).status == 0)
        #expect(try krant.run(["list", "--starred", "--count"]).stdout == "0\n")
        let missing = try krant.run(["mark", "999", "--read"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("999"))
        // Re-importing never resets read state.
        try krant.run(["import", KrantRunner.repositoryRoot.appendingPathComponent("Resources/articles").path])
        #expect(try krant.run(["list", "--unread", "--count"]).stdout == "4\n")
    }

    /// "gisteren" counts back from the day the file was saved (its modification time).
    @Test func relativeDatesResolveAgainstTheFileTime() throws {
        let krant = try KrantRunner()
        let path = try krant.write("opgeslagen.txt", Array("NOS Nieuws • gisteren, 10:00 Kop\n\nTekst.\n".utf8))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let saved = try #require(calendar.date(from: DateComponents(year: 2024, month: 6, day: 20, hour: 12)))
        try FileManager.default.setAttributes([.modificationDate: saved], ofItemAtPath: path)
        try krant.run(["import", path])
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        #expect(rows.first?["published"] as? String == "2024-06-19T10:00:00")
        #expect(rows.first?["when"] as? String == "gisteren, 10:00")
    }

    @Test func searchIgnoresDiacritics() throws {
        let krant = try KrantRunner()
        try krant.run(["import", KrantRunner.sampleArticle])
        #expect(try krant.run(["list", "--search", "oekraine", "--count"]).stdout == "1\n")
        #expect(try krant.run(["list", "--search", "Oekraïne", "--count"]).stdout == "1\n")
        #expect(try krant.run(["list", "--search", "spaghetti", "--count"]).stdout == "0\n")
    }

    @Test func badFilesAreNamedAndTheRestImported() throws {
        let krant = try KrantRunner()
        let folder = krant.directory.appendingPathComponent("inbox")
        let empty = try krant.write("inbox/leeg.txt", [])
        let binary = try krant.write("inbox/sub/foto.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        _ = try krant.write("inbox/sub/goed.txt", Array(try Data(contentsOf: URL(fileURLWithPath: KrantRunner.sampleArticle))))
        _ = try krant.write("inbox/notities.md", Array("geen artikel".utf8))
        let output = try krant.run(["import", folder.path, "/nonexistent/file.txt"])
        #expect(output.status == 1)
        #expect(output.stdout == "imported 1 new, 0 already present, 3 rejected\n")
        let errors = output.stderr.split(separator: "\n")
        #expect(errors.count == 3)
        #expect(errors.contains("krant: \(empty): empty file"))
        #expect(errors.contains("krant: \(binary): binary file, not text"))
        #expect(errors.contains { $0.hasPrefix("krant: /nonexistent/file.txt: ") })
        #expect(try krant.run(["list", "--count"]).stdout == "1\n")
    }

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let krant = try KrantRunner()
        let path = try krant.write("kwaad.txt", Array("NOS Nieuws • vandaag, 09:00 Kop\u{1B}[2J met wisser\n\nTekst \u{1B}]52;c;ZXZpbA==\u{07}met aanval\u{202E}.\n".utf8))
        #expect(try krant.run(["import", path]).status == 0)
        let text = try krant.run(["show", "1"]).stdout + (try krant.run(["list"]).stdout) + (try krant.run(["show", "1", "--json"]).stdout)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.contains("\u{202E}"))
        #expect(text.contains("Tekst met aanval."))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let krant = try KrantRunner()
        #expect(try krant.run(["import"]).status == 2)
        #expect(try krant.run(["mark", "1"]).status == 2)
        #expect(try krant.run(["list", "--limit", "x"]).status == 2)
        #expect(try krant.run(["frobnicate"]).status == 2)
    }

    @Test func storeLocationOrder() throws {
        let krant = try KrantRunner()
        let explicit = krant.directory.appendingPathComponent("explicit/my.db").path
        // --db wins over KRANT_DB (set by the runner), and its folders are created.
        try krant.run(["import", "--db", explicit, KrantRunner.sampleArticle])
        #expect(FileManager.default.fileExists(atPath: explicit))
        #expect(!FileManager.default.fileExists(atPath: krant.databasePath))
        // Without --db, KRANT_DB wins over the config file's db.
        let configured = krant.directory.appendingPathComponent("configured.db").path
        let config = try krant.write("config.toml", Array("db = \"\(configured)\"\n".utf8))
        try krant.run(["import", "--config", config, KrantRunner.sampleArticle])
        #expect(FileManager.default.fileExists(atPath: krant.databasePath))
        #expect(!FileManager.default.fileExists(atPath: configured))
        // Without KRANT_DB, the config file's db.
        try krant.run(["import", KrantRunner.sampleArticle], environment: ["KRANT_DB": "", "KRANT_CONFIG": config])
        #expect(FileManager.default.fileExists(atPath: configured))
        // Without any, $XDG_DATA_HOME/krant/krant.db.
        try krant.run(["import", KrantRunner.sampleArticle], environment: ["KRANT_DB": ""])
        #expect(FileManager.default.fileExists(atPath: krant.directory.appendingPathComponent("xdg/krant/krant.db").path))
    }

    @Test func corruptStoreIsReportedAndLeftAlone() throws {
        let krant = try KrantRunner()
        let garbage = [UInt8]((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        _ = try krant.write("krant.db", garbage)
        let output = try krant.run(["list"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("not a krant database"))
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: krant.databasePath))) == garbage)
    }

    @Test func versionAndHelp() throws {
        let krant = try KrantRunner()
        #expect(try krant.run(["--version"]).stdout == "0.1.0\n")
        for command in [[], ["import"], ["list"], ["show"], ["mark"], ["star"], ["unstar"], ["fetch"], ["feeds"],
                        ["feeds", "add"], ["feeds", "list"], ["feeds", "remove"], ["feeds", "import-opml"],
                        ["feeds", "export-opml"], ["samples"], ["samples", "list"], ["samples", "remove"]] {
            let help = try krant.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help has no examples")
        }
    }
}

@Suite struct HostileInputTests {
    @Test func fileNamesWithControlCharactersAreShownEscaped() throws {
        let krant = try KrantRunner()
        let path = try krant.write("kwaad\u{1B}]0;GEHACKT\u{07}naam.txt", [])
        let output = try krant.run(["import", path])
        #expect(output.status == 1)
        #expect(!output.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(output.stderr.contains(#"kwaad\x1B]0;GEHACKT\x07naam.txt: empty file"#))
    }

    @Test func oversizedAndNonRegularFilesAreRefusedByName() throws {
        let krant = try KrantRunner()
        // 65 MB without writing them: a sparse file.
        let path = try krant.write("groot.txt", Array("NOS Nieuws • vandaag, 10:00 Groot\n\n".utf8))
        #expect(truncate(path, 65 * 1024 * 1024) == 0)
        let fifo = krant.directory.appendingPathComponent("pijp.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let output = try krant.run(["import", path, fifo, "/dev/null"])
        #expect(output.status == 1)
        #expect(output.stdout == "imported 0 new, 0 already present, 3 rejected\n")
        #expect(output.stderr.contains("krant: \(path): not an article (65 MB, more than the 64 MB an article may have)"))
        #expect(output.stderr.contains("krant: \(fifo): cannot be read (not a regular file)"))
        #expect(output.stderr.contains("krant: /dev/null: cannot be read (not a regular file)"))
    }

    @Test func opmlCannotSubscribeToLocalFiles() throws {
        let krant = try KrantRunner()
        let outlines = ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/feed", "https://nos.example/feed.xml"]
            .map { "<outline type=\"rss\" text=\"f\" xmlUrl=\"\($0)\"/>" }.joined()
        let path = try krant.write("kwaad.opml", Array("<opml version=\"2.0\"><head/><body>\(outlines)</body></opml>".utf8))
        let output = try krant.run(["feeds", "import-opml", path])
        #expect(output.status == 1)
        #expect(output.stdout == "subscribed to 1 feed, 0 already subscribed, 3 refused\n")
        #expect(output.stderr.contains("file:///etc/passwd"))
        let feeds = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        #expect(feeds.map { $0["url"] as? String } == ["https://nos.example/feed.xml"])
    }

    @Test func processesCreatingOneStoreTogetherAllSucceed() throws {
        for round in 0..<3 {
            let krant = try KrantRunner()
            let path = try krant.write("artikel-\(round).txt", Array(try Data(contentsOf: URL(fileURLWithPath: KrantRunner.sampleArticle))))
            let processes = try (0..<4).map { _ in try krant.start(["import", path]) }
            for process in processes {
                let output = try process.wait(timeout: KrantRunner.patience)
                #expect(output.status == 0, "\(process.commandLine): \(output.stderr)")
            }
            #expect(try krant.run(["list", "--count"]).stdout == "1\n")
        }
    }
}
