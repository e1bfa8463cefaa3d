extension Key {
    /// Reads a key as a config file writes it: one character (`"}"`), or a
    /// name (`"Enter"`, `"Space"`, `"PgDn"`, `"Ctrl-r"`, `"F5"`, `"Down"`).
    /// Names ignore case; the arrows the help screen shows are accepted too.
    public init?(name: String) {
        if let arrow = Self.named[name], name.count == 1 {
            self = arrow
            return
        }
        if name.count == 1, let character = name.first {
            guard !character.isControlOrNewline else { return nil }
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        if let letter = Self.controlLetter(lower) {
            // The terminal sends these as the keys they stand for, so a
            // binding to them is a binding to Tab, Enter or Backspace.
            switch letter {
            case "h": self = .backspace
            case "i": self = .tab
            case "j", "m": self = .enter
            default:
                guard Self.reservedControlReason(letter) == nil else { return nil }
                self = .control(letter)
            }
            return
        }
        if ["ctrl-", "ctrl+", "c-", "^"].contains(where: lower.hasPrefix) { return nil }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        guard let key = Self.named[lower] else { return nil }
        self = key
    }

    /// Why a key name cannot be bound, when it names a Ctrl key the
    /// terminal keeps for itself (the reader runs with the terminal's
    /// signals and flow control on, so Ctrl-C still stops it).
    public static func reservation(forName name: String) -> String? {
        Self.controlLetter(name.lowercased()).flatMap(reservedControlReason)
    }

    private static func controlLetter(_ lower: String) -> Character? {
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            return letter
        }
        return nil
    }

    private static func reservedControlReason(_ letter: Character) -> String? {
        switch letter {
        case "c": "the terminal keeps Ctrl-C to stop krant"
        case "z": "the terminal keeps Ctrl-Z to suspend krant"
        case "s", "q": "the terminal keeps Ctrl-S and Ctrl-Q to pause and resume output"
        default: nil
        }
    }

    /// How `krant config` writes the key, so it reads back with `init(name:)`.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character)"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .function(let number): "F\(number)"
        default: label
        }
    }

    private static let named: [String: Key] = [
        "space": .character(" "), "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete,
        "del": .delete, "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down,
        "←": .left, "→": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end,
    ]
}

private extension Character {
    var isControlOrNewline: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
