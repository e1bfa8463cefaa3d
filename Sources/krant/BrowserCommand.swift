import Foundation
import KrantCore

/// How krant opens a link: the config file's `browser` (an argument list,
/// `%u` for the link, run without a shell), else `$BROWSER` (a
/// colon-separated list as other tools read it, `%s` for the link), else
/// `xdg-open`. A link is always one argument of its own, never text a shell
/// reads, so no link can run a command.
struct BrowserCommand: Sendable {
    /// The commands to try in order, each an argument list.
    let candidates: [[String]]

    init(configured: [String]?, environment: [String: String]) {
        if let configured {
            candidates = [configured]
            return
        }
        // Each $BROWSER entry is run by /bin/sh as other tools do, with the
        // link passed as "$1" so the shell never parses it.
        let fromEnvironment = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init)
            .filter { !$0.isEmpty }
            .map { command in
                ["/bin/sh", "-c", command.contains("%s") ? command.replacingOccurrences(of: "%s", with: "\"$1\"")
                    : command + " \"$1\"", "krant-browser", "%u"]
            }
        candidates = fromEnvironment + [["xdg-open", "%u"]]
    }

    /// Only web links are handed to a browser: a feed could otherwise make
    /// krant open a `file:` or custom-scheme URL.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The argument list for a link: `%u` replaced, or the link appended
    /// when the command has no `%u`.
    static func arguments(_ command: [String], url: String) -> [String] {
        command.contains { $0.contains("%u") }
            ? command.map { $0.replacingOccurrences(of: "%u", with: url) }
            : command + [url]
    }

    /// Runs the browser and waits for it; returns an error message (in the
    /// interface's language) or nil.
    func open(_ url: String, text: UIText) -> String? {
        guard Self.isWebLink(url) else { return text.notAWebLink(url) }
        for command in candidates {
            let arguments = Self.arguments(command, url: url)
            let process = Process()
            // /usr/bin/env finds the program on PATH without a shell.
            process.executableURL = URL(fileURLWithPath: arguments[0].hasPrefix("/") ? arguments[0] : "/usr/bin/env")
            process.arguments = arguments[0].hasPrefix("/") ? Array(arguments.dropFirst()) : arguments
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus == 0 { return nil }
                // 127: the shell or env found no such program; try the next.
                if process.terminationStatus != 127 { return text.browserExited(status: process.terminationStatus) }
            } catch {
                continue
            }
        }
        return text.noBrowser
    }
}
