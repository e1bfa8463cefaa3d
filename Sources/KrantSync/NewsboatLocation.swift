/// Where newsboat keeps its `urls` and `cache.db`, by newsboat's own rule
/// (its `ConfigPaths`): when the folder `newsboat` exists in the XDG config
/// home (`$XDG_CONFIG_HOME`, else `~/.config`), `urls` is there and
/// `cache.db` is in `newsboat` of the XDG data home (`$XDG_DATA_HOME`, else
/// `~/.local/share`); otherwise both are in `~/.newsboat`. An XDG variable
/// that is empty or not an absolute path counts as unset, as the XDG
/// specification says.
public struct NewsboatLocation: Sendable, Hashable {
    public var urls: String
    public var cache: String

    public init(urls: String, cache: String) {
        self.urls = urls
        self.cache = cache
    }

    public static func standard(environment: [String: String], home: String,
                                isFolder: (String) -> Bool) -> NewsboatLocation {
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        let configFolder = base("XDG_CONFIG_HOME", ".config") + "/newsboat"
        if isFolder(configFolder) {
            return NewsboatLocation(urls: configFolder + "/urls",
                                    cache: base("XDG_DATA_HOME", ".local/share") + "/newsboat/cache.db")
        }
        return NewsboatLocation(urls: home + "/.newsboat/urls", cache: home + "/.newsboat/cache.db")
    }
}
