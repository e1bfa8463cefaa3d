import KrantCore

/// Every setting of the config file, with its default where the file says
/// nothing. Settings that have an environment variable or a flag too are
/// resolved where those are known (`StoreLocation`, `BrowserCommand`,
/// `Language(environment:)`), keeping flag > environment > file > default.
public struct Configuration: Sendable {
    /// The file these settings came from (it may not exist: then all are defaults).
    public var location: ConfigFileLocation?
    /// Nil: chosen by LC_ALL, LC_MESSAGES or LANG.
    public var language: Language?
    public var theme: Theme = .dark
    /// The roles the file changed, for `krant config` to say so.
    public var changedRoles: Set<StyleRole> = []
    /// Nil: `$BROWSER`, then `xdg-open`.
    public var browser: [String]?
    /// Opens enclosures; nil: the browser.
    public var player: [String]?
    public var mouse = true
    /// Nil: `$XDG_DATA_HOME/krant/krant.db`.
    public var db: String?
    public var layout = LayoutSettings()
    public var keymap = Keymap.standard
    /// The commands the file rebound, for `krant config` to say so.
    public var reboundCommands: Set<String> = []
    /// `[retention]`: how long fetched articles are kept.
    public var retention = RetentionSettings()
    /// `[[queries]]`: named views for the chooser and `krant list --query`.
    public var savedQueries: [SavedQuery] = []
    /// `[[ignore]]`: feed items not stored at fetch time.
    public var ignoreRules: [IgnoreRule] = []
    /// Nil (or 0 in the file): the reader fetches only when asked.
    public var refreshMinutes: Double?
    /// Nil: nothing runs after a fetch.
    public var notify: [String]?
    /// `password_command`: prints a sync account's password (argument list).
    public var passwordCommand: [String]?
    public var setTitle = true
    /// The shortest `refresh_minutes` (three seconds): short enough for
    /// local feeds and tests, and a fetch never starts while one runs.
    public static let shortestRefreshMinutes = 0.05

    public init() {}

    /// The reader's settings, with the language from the environment when
    /// the file does not choose one.
    public func readerSettings(environment: [String: String]) -> ReaderSettings {
        var settings = ReaderSettings(keymap: keymap, language: language ?? Language(environment: environment), layout: layout)
        settings.savedQueries = savedQueries
        settings.ignoreRules = ignoreRules
        settings.refreshSeconds = refreshMinutes.map { $0 * 60 }
        return settings
    }
}
