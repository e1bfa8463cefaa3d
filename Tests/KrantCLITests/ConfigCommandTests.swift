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
        for arguments in [["list"], ["import", KrantRunner.sampleArticle], ["feeds", "list"], ["config"], []] {
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
