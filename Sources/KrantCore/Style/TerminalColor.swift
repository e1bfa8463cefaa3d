/// A colour as a config file names it: the terminal's default, one of its
/// 16 named colours, an index of the 256-colour palette, or a true colour.
/// The terminal backend turns it into what the terminal can show (`nearest`).
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    /// 0–7 the ANSI colours, 8–15 their bright forms, 16–255 the xterm palette.
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.index(0)
    public static let red = TerminalColor.index(1)
    public static let green = TerminalColor.index(2)
    public static let yellow = TerminalColor.index(3)
    public static let blue = TerminalColor.index(4)
    public static let magenta = TerminalColor.index(5)
    public static let cyan = TerminalColor.index(6)
    public static let white = TerminalColor.index(7)

    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, a name (`cyan`, `bright-cyan`, `grey`), `0`–`255` or `#rrggbb`.
    public init?(name text: String) {
        let name = String(text.lowercased().map { $0 == "_" ? "-" : $0 })
        if name == "default" || name == "none" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: name) {
            self = .index(index)
        } else if name.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .index(index + 8)
        } else if name == "grey" || name == "gray" {
            self = .index(8)
        } else if let number = Int(name), (0...255).contains(number) {
            self = .index(number)
        } else if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// How `krant config` writes it, so it reads back with `init(name:)`.
    public var name: String {
        switch self {
        case .terminalDefault: "default"
        case .index(let index) where index < 8: Self.names[index]
        case .index(let index) where index < 16: "bright-" + Self.names[index - 8]
        case .index(let index): String(index)
        case .rgb(let r, let g, let b): "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// The colour as a terminal with `colors` colours can show it: true
    /// colour as it is (the value ncurses takes for a direct-colour
    /// terminal), otherwise the nearest palette entry the terminal has.
    /// -1 is the terminal's default.
    ///
    /// A direct-colour terminal reads 0–7 as the ANSI colours and every
    /// other number as RGB, so palette entries above 7 go as their RGB, and
    /// an RGB value that would read as an ANSI colour is moved just past them.
    public func number(forTerminalWith colors: Int) -> Int32 {
        let direct = colors >= 1 << 24
        switch self {
        case .terminalDefault:
            return -1
        case .index(let index):
            if index < 8 || (index < colors && !direct) { return Int32(index) }
            let (r, g, b) = Self.rgb(ofIndex: index)
            if direct { return Self.directValue(r, g, b) }
            return Self.nearestIndex(to: (r, g, b), among: colors)
        case .rgb(let r, let g, let b):
            if direct { return Self.directValue(Int(r), Int(g), Int(b)) }
            return Self.nearestIndex(to: (Int(r), Int(g), Int(b)), among: colors)
        }
    }

    private static func directValue(_ r: Int, _ g: Int, _ b: Int) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }

    /// The nearest of the first `colors` entries of the xterm palette (the
    /// 6×6×6 cube and the grey ramp above 16; the 16 system colours below
    /// it, which terminals are free to change and so are only used when
    /// there is nothing else).
    static func nearestIndex(to color: (Int, Int, Int), among colors: Int) -> Int32 {
        let candidates = colors >= 256 ? Array(16..<256) : Array(0..<max(1, min(colors, 16)))
        var best = (index: 0, distance: Int.max)
        for index in candidates {
            let (r, g, b) = rgb(ofIndex: index)
            // Weighted as the eye sees it (red and blue matter less than green).
            let distance = 3 * (r - color.0) * (r - color.0) + 4 * (g - color.1) * (g - color.1)
                + 2 * (b - color.2) * (b - color.2)
            if distance < best.distance { best = (index, distance) }
        }
        return Int32(best.index)
    }

    /// The usual RGB of an xterm palette entry.
    static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            let system: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return system[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            let grey = 8 + (min(index, 255) - 232) * 10
            return (grey, grey, grey)
        }
    }
}
