import Foundation

/// Where the database lives when the user did not say otherwise (README: Where the data lives).
public struct StoreLocation {
    /// The path to use, in this order: `KRANT_DB` (when set and non-empty), the
    /// explicit `--db` path, `$XDG_DATA_HOME/krant/krant.db`, then
    /// `~/.local/share/krant/krant.db`.
    ///
    /// The environment is passed in rather than read here so tests (and the
    /// command line's own tests) can pin every case.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let path = nonEmpty(environment["KRANT_DB"]) { return path }
        if let path = nonEmpty(explicit) { return path }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let dataHome = nonEmpty(environment["XDG_DATA_HOME"]), dataHome.hasPrefix("/") {
            return join(dataHome, "krant/krant.db")
        }
        let home = nonEmpty(environment["HOME"]) ?? FileManager.default.homeDirectoryForCurrentUser.path
        return join(home, ".local/share/krant/krant.db")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
