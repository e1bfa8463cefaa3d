/// A style for every role. The built-in themes are `dark` (colours for a
/// dark background), `light` (for a light one) and `terminal` (only the
/// terminal's own colours, with attributes); a config file starts from one
/// and changes single roles.
///
/// Every role that must stand out (selection, status bar, windows) also
/// stands out without colour, through reverse video, bold or underline:
/// the `terminal` theme is also what NO_COLOR gets.
public struct Theme: Hashable, Sendable {
    public var name: String
    private var styles: [TextStyle]

    public init(name: String, style: (StyleRole) -> TextStyle) {
        self.name = name
        styles = StyleRole.allCases.map(style)
    }

    public subscript(role: StyleRole) -> TextStyle {
        get { styles[Int(role.rawValue)] }
        set { styles[Int(role.rawValue)] = newValue }
    }

    public static let builtIn: [Theme] = [dark, light, terminal]

    public static func named(_ name: String) -> Theme? {
        builtIn.first { $0.name == name }
    }

    public static let dark = Theme(name: "dark") { role in
        switch role {
        case .normal, .headline: TextStyle()
        case .title: TextStyle(.terminalDefault, on: .terminalDefault, [.bold])
        case .byline: TextStyle(.cyan)
        case .section: TextStyle(.yellow, on: .terminalDefault, [.bold])
        case .captionCredit, .dim, .date, .source: TextStyle(.terminalDefault, on: .terminalDefault, [.dim])
        case .captionText: TextStyle(.terminalDefault, on: .terminalDefault, [.italic])
        case .quote: TextStyle(.green, on: .terminalDefault, [.italic])
        case .listMarker: TextStyle(.yellow)
        case .selected: TextStyle(.black, on: .cyan)
        case .selectedUnread: TextStyle(.black, on: .cyan, [.bold])
        case .unread: TextStyle(.terminalDefault, on: .terminalDefault, [.bold])
        case .statusBar: TextStyle(.black, on: .white)
        case .statusMessage: TextStyle(.yellow, on: .terminalDefault, [.bold])
        case .overlay: TextStyle(.white, on: .blue)
        case .overlaySelected: TextStyle(.black, on: .cyan)
        case .overlayTitle: TextStyle(.yellow, on: .blue, [.bold])
        }
    }

    /// Darker colours that keep their contrast on a white background
    /// (yellow and cyan text vanish there).
    public static let light = Theme(name: "light") { role in
        switch role {
        case .normal, .headline: TextStyle()
        case .title: TextStyle(.terminalDefault, on: .terminalDefault, [.bold])
        case .byline: TextStyle(.blue)
        case .section: TextStyle(.magenta, on: .terminalDefault, [.bold])
        case .captionCredit, .dim, .date, .source: TextStyle(.terminalDefault, on: .terminalDefault, [.dim])
        case .captionText: TextStyle(.terminalDefault, on: .terminalDefault, [.italic])
        case .quote: TextStyle(.green, on: .terminalDefault, [.italic])
        case .listMarker: TextStyle(.red)
        case .selected: TextStyle(.white, on: .blue)
        case .selectedUnread: TextStyle(.white, on: .blue, [.bold])
        case .unread: TextStyle(.terminalDefault, on: .terminalDefault, [.bold])
        case .statusBar: TextStyle(.white, on: .black)
        case .statusMessage: TextStyle(.red, on: .terminalDefault, [.bold])
        case .overlay: TextStyle(.black, on: .white)
        case .overlaySelected: TextStyle(.white, on: .blue)
        case .overlayTitle: TextStyle(.blue, on: .white, [.bold])
        }
    }

    public static let terminal = Theme(name: "terminal") { role in
        switch role {
        case .normal, .byline, .overlay, .headline: TextStyle()
        case .title, .listMarker, .unread, .statusMessage: TextStyle(.terminalDefault, on: .terminalDefault, [.bold])
        case .section, .overlayTitle: TextStyle(.terminalDefault, on: .terminalDefault, [.bold, .underline])
        case .captionCredit, .dim, .date, .source: TextStyle(.terminalDefault, on: .terminalDefault, [.dim])
        case .captionText, .quote: TextStyle(.terminalDefault, on: .terminalDefault, [.italic])
        case .selected, .statusBar, .overlaySelected: TextStyle(.terminalDefault, on: .terminalDefault, [.reverse])
        case .selectedUnread: TextStyle(.terminalDefault, on: .terminalDefault, [.reverse, .bold])
        }
    }
}
