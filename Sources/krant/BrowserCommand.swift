import Foundation
import KrantCore

/// How krant opens a link: the config file's `browser` (an argument list,
/// `%u` for the link, run without a shell), else `$BROWSER` (a
/// colon-separated list as other tools read it, `%s` or `%u` for the link),
/// else `xdg-open`. A link is always one argument of its own, never text a
/// shell reads, so no link can run a command.
struct BrowserCommand: Sendable {
    enum Candidate: Hashable, Sendable {
        /// Run as it is, with `%u` in any argument replaced by the link.
        case arguments([String])
        /// A `$BROWSER` entry, run by `/bin/sh` as other tools do; the link
        /// is only ever the shell's `$1`, never part of the script.
        case shell(String)
    }

    /// The commands to try in order.
    let candidates: [Candidate]
    /// Whose failure a message names: the player's own command, or a browser.
    private(set) var isPlayer = false

    init(configured: [String]?, environment: [String: String]) {
        if let configured {
            candidates = [.arguments(configured)]
            return
        }
        let fromEnvironment = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init)
            .filter { !$0.isEmpty }
            .map(Candidate.shell)
        candidates = fromEnvironment + [.arguments(["xdg-open", "%u"])]
    }

    private init(candidates: [Candidate], isPlayer: Bool) {
        self.candidates = candidates
        self.isPlayer = isPlayer
    }

    /// How an enclosure is opened: the config file's `player`, run exactly
    /// as a configured browser is; without one, the browser.
    static func player(configured: [String]?, browser: BrowserCommand) -> BrowserCommand {
        guard let configured else { return browser }
        return BrowserCommand(candidates: [.arguments(configured)], isPlayer: true)
    }

    /// Only web links are handed to a browser: a feed could otherwise make
    /// krant open a `file:` or custom-scheme URL.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The program and its arguments for a link.
    static func arguments(_ candidate: Candidate, url: String) -> [String] {
        switch candidate {
        case .arguments(let command):
            return command.contains { $0.contains("%u") }
                ? command.map { $0.replacingOccurrences(of: "%u", with: url) }
                : command + [url]
        case .shell(let command):
            let script = command.contains("%s") || command.contains("%u")
                ? command.replacingOccurrences(of: "%s", with: "\"$1\"").replacingOccurrences(of: "%u", with: "\"$1\"")
                : command + " \"$1\""
            return ["/bin/sh", "-c", script, "krant-browser", url]
        }
    }

    /// Runs the browser and waits for it; returns an error message (in the
    /// interface's language) or nil.
    func open(_ url: String, text: UIText) -> String? {
        guard Self.isWebLink(url) else { return text.notAWebLink(url) }
        for candidate in candidates {
            let arguments = Self.arguments(candidate, url: url)
            let process = Process()
            // /usr/bin/env finds the program on PATH without a shell.
            process.executableURL = URL(fileURLWithPath: arguments[0].hasPrefix("/") ? arguments[0] : "/usr/bin/env")
            process.arguments = arguments[0].hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus == 0 { return nil }
                // 127: the shell or env found no such program; try the next.
                if process.terminationStatus != 127 {
                    return isPlayer ? text.playerExited(status: process.terminationStatus)
                        : text.browserExited(status: process.terminationStatus)
                }
            } catch {
                continue
            }
        }
        return isPlayer ? text.noPlayer : text.noBrowser
    }
}
