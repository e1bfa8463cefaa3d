import KrantCore

/// How each `StyleRole` looks: colours plus attributes, or attributes alone
/// when colour is off (`NO_COLOR`, or a terminal without colours).
///
/// Pure data, no ncurses, so the mapping is tested without a terminal. Every
/// role that must stand out (selection, status bar, overlays) also stands out
/// without colour, through reverse video, bold or underline.
public struct Palette: Hashable, Sendable {
    /// The eight ANSI colours, or the terminal's own default.
    public enum Color: Int16, Hashable, Sendable, CaseIterable {
        case terminalDefault = -1
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        public static let reverse = Attributes(rawValue: 1 << 3)
        public static let italic = Attributes(rawValue: 1 << 4)
    }

    public struct Style: Hashable, Sendable {
        public var foreground: Color
        public var background: Color
        public var attributes: Attributes

        public init(_ foreground: Color = .terminalDefault, on background: Color = .terminalDefault,
                    _ attributes: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public let usesColor: Bool

    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// The palette `Terminal` uses for an environment: no colour when
    /// `NO_COLOR` is set to anything non-empty (https://no-color.org).
    public init(environment: [String: String]) {
        self.init(usesColor: (environment["NO_COLOR"] ?? "").isEmpty)
    }

    public func style(for role: StyleRole) -> Style {
        usesColor ? Self.colored(role) : Self.monochrome(role)
    }

    private static func colored(_ role: StyleRole) -> Style {
        switch role {
        case .normal: Style()
        case .title: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .byline: Style(.cyan)
        case .section: Style(.yellow, on: .terminalDefault, [.bold])
        case .captionCredit: Style(.terminalDefault, on: .terminalDefault, [.dim])
        case .captionText: Style(.terminalDefault, on: .terminalDefault, [.italic])
        case .quote: Style(.green, on: .terminalDefault, [.italic])
        case .listMarker: Style(.yellow)
        case .dim: Style(.terminalDefault, on: .terminalDefault, [.dim])
        case .selected: Style(.black, on: .cyan)
        case .selectedUnread: Style(.black, on: .cyan, [.bold])
        case .unread: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .statusBar: Style(.black, on: .white)
        case .statusMessage: Style(.yellow, on: .terminalDefault, [.bold])
        case .overlay: Style(.white, on: .blue)
        case .overlaySelected: Style(.black, on: .cyan)
        case .overlayTitle: Style(.yellow, on: .blue, [.bold])
        }
    }

    private static func monochrome(_ role: StyleRole) -> Style {
        switch role {
        case .normal: Style()
        case .title: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .byline: Style()
        case .section: Style(.terminalDefault, on: .terminalDefault, [.bold, .underline])
        case .captionCredit: Style(.terminalDefault, on: .terminalDefault, [.dim])
        case .captionText: Style(.terminalDefault, on: .terminalDefault, [.italic])
        case .quote: Style(.terminalDefault, on: .terminalDefault, [.italic])
        case .listMarker: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .dim: Style(.terminalDefault, on: .terminalDefault, [.dim])
        case .selected: Style(.terminalDefault, on: .terminalDefault, [.reverse])
        case .selectedUnread: Style(.terminalDefault, on: .terminalDefault, [.reverse, .bold])
        case .unread: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .statusBar: Style(.terminalDefault, on: .terminalDefault, [.reverse])
        case .statusMessage: Style(.terminalDefault, on: .terminalDefault, [.bold])
        case .overlay: Style()
        case .overlaySelected: Style(.terminalDefault, on: .terminalDefault, [.reverse])
        case .overlayTitle: Style(.terminalDefault, on: .terminalDefault, [.bold, .underline])
        }
    }
}
