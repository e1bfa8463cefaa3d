import Foundation
import Testing

@Suite struct ConfigCommandTests {
    /// `krant config` is a config file that reads back the same, with the
    /// settings of the file in use; `--path` names the file.
    @Test func configPrintsTheConfigurationInForce() throws {
        let krant = try KrantRunner()
        let defaultPath = krant.directory.appendingPathComponent("config/krant/config.toml").path
        let located = try krant.run(["config", "--path"])
        #expect(located.status == 0)
        #expect(located.stdout == defaultPath + "\n")
        #expect(located.stderr.contains("does not exist"))

        let defaults = try krant.run(["config"])
        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect(defaults.stdout.contains("\ntheme = \"dark\"\n"))
        #expect(defaults.stdout.contains("\n# next-caption = [\"}\"]\n"))
        #expect(defaults.stdout.contains("# db = \"\(krant.databasePath)\""), "KRANT_DB is the store in use")

        try FileManager.default.createDirectory(atPath: (defaultPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try defaults.stdout.replacingOccurrences(of: "theme = \"dark\"", with: "theme = \"light\"")
            .write(toFile: defaultPath, atomically: true, encoding: .utf8)
        let changed = try krant.run(["config"])
        #expect(changed.stdout.contains("Default: \"dark\".\ntheme = \"light\"\n"))
        #expect(try krant.run(["list"]).status == 0)
        #expect(try krant.run(["config", "--path"]).stderr.isEmpty)
    }

    /// Every command and the reader stop with status 2 and the file's line
    /// and column; nothing runs half-configured.
    @Test func aBadFileStopsEveryCommand() throws {
        let krant = try KrantRunner()
        let config = try krant.write("bad.toml", Array("mouse = true\n[keys]\nnxt-caption = [\"C\"]\n".utf8))
        let expected = "krant: \(config):3:1: unknown action 'nxt-caption' in [keys]; did you mean 'next-caption'?\n"
        // Every command krant has (a new one must be a `StoreCommand`).
        let everyCommand: [[String]] = [
            [], ["import", KrantRunner.sampleArticle], ["list"], ["show", "1"], ["mark", "1", "--read"], ["star", "1"],
            ["unstar", "1"], ["feeds", "add", "http://127.0.0.1:9/x"], ["feeds", "list"], ["feeds", "remove", "1"],
            ["feeds", "import-opml", "x.opml"], ["feeds", "export-opml"], ["fetch"], ["index"], ["check"], ["repair"],
            ["samples"], ["samples", "list"], ["samples", "remove"], ["config"], ["import-newsboat"], ["delete", "1"],
            ["purge", "--older-than", "1d"], ["feeds", "rename", "1", "x"], ["feeds", "move", "1", "x"], ["sync"],
            ["sync", "run"], ["sync", "add", "https://rss.example.org", "--user", "a"], ["sync", "list"],
            ["sync", "remove", "rss.example.org"],
        ]
        // The list above is every command there is.
        let dump = try krant.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func leaves(_ command: [String: Any], _ path: [String]) -> [[String]] {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["commandName"] as? String != "help" }
            let own = path.isEmpty || subcommands.isEmpty || command["defaultSubcommand"] != nil ? [path] : []
            return own + subcommands.flatMap { leaves($0, path + [$0["commandName"] as? String ?? ""]) }
        }
        let covered = Set(everyCommand.map { Array($0.prefix { !$0.hasPrefix("-") && !$0.contains("/") && Int($0) == nil && !$0.contains(".") }) })
        for command in leaves(try #require(root["command"] as? [String: Any]), []) where !covered.contains(command) {
            Issue.record("krant \(command.joined(separator: " ")) is not checked against a bad config file")
        }
        for arguments in everyCommand {
            let output = try krant.run(["--config", config] + arguments)
            #expect(output.status == 2, "\(arguments)")
            #expect(output.stderr == expected, "\(arguments)")
        }
        #expect(try krant.run(["list"], environment: ["KRANT_CONFIG": config]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: krant.databasePath), "nothing was imported")
        // `config --path` still answers, to say which file to fix.
        let located = try krant.run(["config", "--path"], environment: ["KRANT_CONFIG": config])
        #expect(located.status == 0)
        #expect(located.stdout == config + "\n")
        let missing = try krant.run(["list", "--config", "/geen/config.toml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "krant: config file /geen/config.toml: no such file\n")
    }
}
