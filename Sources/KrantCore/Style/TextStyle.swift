/// How one `StyleRole` looks: colours plus attributes.
public struct TextStyle: Hashable, Sendable {
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
        public static let reverse = Attributes(rawValue: 1 << 3)
        public static let italic = Attributes(rawValue: 1 << 4)

        /// The names a config file uses, in the order `krant config` writes them.
        public static let named: [(name: String, attribute: Attributes)] = [
            ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
        ]
    }

    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Attributes

    public init(_ foreground: TerminalColor = .terminalDefault, on background: TerminalColor = .terminalDefault,
                _ attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The style without its colours, for a terminal that shows none.
    public var withoutColor: TextStyle { TextStyle(.terminalDefault, on: .terminalDefault, attributes) }
}
