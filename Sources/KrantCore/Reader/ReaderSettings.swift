/// What a user can change about the reader (the config file's reader
/// settings): keys, language and layout. Part of the state, so `update`
/// and `render` read the same values.
public struct ReaderSettings: Sendable {
    public var keymap: Keymap
    public var language: Language
    public var layout: LayoutSettings
    /// The config file's `[[queries]]`, offered in the chooser.
    public var savedQueries: [SavedQuery] = []
    /// The config file's `[[ignore]]` rules, for the fetches `R` starts.
    public var ignoreRules: [IgnoreRule] = []
    /// Seconds between the reader's own fetches (`refresh_minutes`); nil: off.
    public var refreshSeconds: Double?

    public init(keymap: Keymap = .standard, language: Language = .english, layout: LayoutSettings = LayoutSettings()) {
        self.keymap = keymap
        self.language = language
        self.layout = layout
    }
}
