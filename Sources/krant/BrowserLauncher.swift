import Foundation
import KrantCore

/// Opens a link in the user's browser: `$BROWSER` (a colon-separated list, as
/// other tools read it; `%s` is replaced by the URL) or `xdg-open`.
enum BrowserLauncher {
    /// Only web links are handed to a browser: a feed could otherwise make
    /// krant open a `file:` or custom-scheme URL.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Runs the browser and waits for it; returns an error message (in the
    /// interface's language) or nil.
    static func open(_ url: String, environment: [String: String], text: UIText) -> String? {
        guard isWebLink(url) else { return text.notAWebLink(url) }
        let commands = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for command in commands + ["xdg-open"] {
            let arguments = command.contains("%s")
                ? ["/bin/sh", "-c", command.replacingOccurrences(of: "%s", with: "\"$1\""), "krant-browser", url]
                : ["/bin/sh", "-c", command + " \"$1\"", "krant-browser", url]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus == 0 { return nil }
                if process.terminationStatus != 127 { return text.browserExited(status: process.terminationStatus) }
            } catch {
                continue
            }
        }
        return text.noBrowser
    }
}
