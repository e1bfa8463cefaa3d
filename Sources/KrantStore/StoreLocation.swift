import Foundation

/// Where the database lives when the user did not say otherwise (README: Where the data lives).
public struct StoreLocation {
    /// The path to use, in the order every setting of krant follows (flag >
    /// environment > config file > default): the explicit `--db` path,
    /// `KRANT_DB` (when set and non-empty), the config file's `db`,
    /// `$XDG_DATA_HOME/krant/krant.db`, then `~/.local/share/krant/krant.db`.
    /// A leading `~/` in the config file's path is the home folder.
    ///
    /// The environment is passed in rather than read here so tests (and the
    /// command line's own tests) can pin every case.
    public static func resolve(explicit: String?, environment: [String: String], configured: String? = nil) -> String {
        if let path = nonEmpty(explicit) { return path }
        if let path = nonEmpty(environment["KRANT_DB"]) { return path }
        if let path = nonEmpty(configured) {
            guard path.hasPrefix("~/") else { return path }
            return join(home(environment), String(path.dropFirst(2)))
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let dataHome = nonEmpty(environment["XDG_DATA_HOME"]), dataHome.hasPrefix("/") {
            return join(dataHome, "krant/krant.db")
        }
        return join(home(environment), ".local/share/krant/krant.db")
    }

    private static func home(_ environment: [String: String]) -> String {
        nonEmpty(environment["HOME"]) ?? FileManager.default.homeDirectoryForCurrentUser.path
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
