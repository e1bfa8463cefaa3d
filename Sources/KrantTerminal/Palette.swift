import KrantCore

/// How each `StyleRole` looks on this terminal: the theme's colours and
/// attributes, or attributes alone when colour is off (`NO_COLOR`, or a
/// terminal without colours).
///
/// Pure data, no ncurses, so the mapping is tested without a terminal.
public struct Palette: Hashable, Sendable {
    public let theme: Theme
    public let usesColor: Bool

    public init(theme: Theme = .dark, usesColor: Bool) {
        self.theme = theme
        self.usesColor = usesColor
    }

    /// The palette `Terminal` uses for an environment: no colour when
    /// `NO_COLOR` is set to anything non-empty (https://no-color.org).
    public init(environment: [String: String], theme: Theme = .dark) {
        self.init(theme: theme, usesColor: (environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// Without colour a coloured theme would lose its selection and bars,
    /// so the `terminal` theme stands in for it (the user's own version of
    /// it, when that is the theme chosen).
    public func style(for role: StyleRole) -> TextStyle {
        if usesColor { return theme[role] }
        return (theme.name == Theme.terminal.name ? theme : Theme.terminal)[role].withoutColor
    }
}
