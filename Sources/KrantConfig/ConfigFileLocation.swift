/// Which config file krant reads: `--config PATH`, else `KRANT_CONFIG`, else
/// `$XDG_CONFIG_HOME/krant/config.toml`, else `~/.config/krant/config.toml`.
/// A file the user named must exist; the default one may be missing (then
/// every setting has its default).
public struct ConfigFileLocation: Hashable, Sendable {
    public var path: String
    /// Named by a flag or KRANT_CONFIG, so its absence is an error.
    public var isExplicit: Bool

    public init(flag: String?, environment: [String: String]) {
        if let flag = Self.nonEmpty(flag) {
            self.init(path: flag, isExplicit: true)
        } else if let variable = Self.nonEmpty(environment["KRANT_CONFIG"]) {
            self.init(path: variable, isExplicit: true)
        } else if let configHome = Self.nonEmpty(environment["XDG_CONFIG_HOME"]), configHome.hasPrefix("/") {
            // The XDG spec says a relative XDG_CONFIG_HOME must be ignored.
            self.init(path: Self.join(configHome, "krant/config.toml"), isExplicit: false)
        } else {
            let home = Self.nonEmpty(environment["HOME"]) ?? "/"
            self.init(path: Self.join(home, ".config/krant/config.toml"), isExplicit: false)
        }
    }

    public init(path: String, isExplicit: Bool) {
        self.path = path
        self.isExplicit = isExplicit
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
