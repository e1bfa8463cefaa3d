import Foundation
import KrantCore
import KrantTestSupport
import Testing

/// `Resources/man/krant.1` is kept up to date (by `Resources/man/make-manual`)
/// and renders cleanly.
@Suite struct ManualTests {
    static let page = KrantRunner.repositoryRoot.appendingPathComponent("Resources/man/krant.1").path

    /// Every command and option the built krant has is in the page, and so
    /// is every action name and style role a config file may use.
    @Test func thePageHasEveryCommandOptionActionAndRole() throws {
        let text = try String(contentsOfFile: Self.page, encoding: .utf8)
        let dump = try KrantRunner().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], isRoot: Bool) {
            if !isRoot, let name = command["commandName"] as? String, !text.contains(".It Em \(name)\n") {
                missing.append("command \(name)")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard argument["shouldDisplay"] as? Bool != false, argument["kind"] as? String != "positional",
                      let names = argument["names"] as? [[String: Any]] else { continue }
                for name in names where name["kind"] as? String == "long" {
                    let flag = name["name"] as? String ?? ""
                    if !text.contains("Fl -\(flag)") { missing.append("option --\(flag)") }
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { visit(subcommand, isRoot: false) }
        }
        visit(try #require(root["command"] as? [String: Any]), isRoot: true)
        for command in ReaderCommand.allCases where !text.contains("Ic \(command.name)") {
            missing.append("action \(command.name)")
        }
        for role in StyleRole.allCases where !text.contains(role.name) { missing.append("style \(role.name)") }
        #expect(missing.isEmpty, "krant.1 lacks \(missing); run Resources/man/make-manual")
    }

    /// groff finds nothing to warn about, and `man -l` shows the sections.
    @Test func thePageRendersWithoutWarnings() throws {
        let lint = try TestProcess(["/usr/bin/env", "groff", "-mandoc", "-ww", "-z", Self.page],
                                   environment: ProcessInfo.processInfo.environment).wait(timeout: .seconds(30))
        #expect(lint.status == 0)
        #expect(lint.stderr.isEmpty, "\(lint.stderr)")
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "80"
        environment["MANPAGER"] = "cat"
        environment["PAGER"] = "cat"
        let shown = try TestProcess(["/usr/bin/env", "man", "-l", Self.page], environment: environment)
            .wait(timeout: .seconds(30))
        #expect(shown.status == 0, "\(shown.stderr)")
        for section in ["NAME", "SYNOPSIS", "KEYS", "CONFIGURATION", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(shown.stdout.contains("\n\(section)\n"), "\(section)")
        }
        #expect(shown.stdout.contains("next-caption"))
    }
}
