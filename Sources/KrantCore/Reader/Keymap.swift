/// A key bound to a named action in one situation. What the help screen
/// says it does comes from `UIText`, in the interface's language.
public struct KeyBinding: Hashable, Sendable {
    public var situation: KeySituation
    public var keys: [Key]
    public var action: Action
    /// The stable name a config file binds keys to (`next-caption`); nil for
    /// the keys of a window, which follow the reader's (see `menu`).
    public var name: String?

    public init(_ situation: KeySituation, _ keys: [Key], _ action: Action, name: String? = nil) {
        self.situation = situation
        self.keys = keys
        self.action = action
        self.name = name
    }

}

/// Every key of the reader in one table (as newsraft does): the reader looks
/// keys up here and the help screen is drawn from it, so the two cannot
/// drift. The reader's commands have stable names a config file rebinds;
/// the windows (menus, help) move with whatever keys the reader's movement
/// commands have, so a remapped `move-down` works everywhere.
public struct Keymap: Sendable {
    public static let standard = Keymap(reader: ReaderCommand.allCases.map(\.defaultBinding))

    public let bindings: [KeyBinding]
    private let table: [KeySituation: [Key: Action]]

    private init(reader: [KeyBinding]) {
        func keys(_ command: ReaderCommand) -> [Key] {
            reader.first { $0.action == command.action }?.keys ?? []
        }
        func menu(_ situation: KeySituation, closedBy opener: ReaderCommand) -> [KeyBinding] {
            let closing = Self.uniqued([.escape] + keys(.quit) + keys(opener))
            let choosing = Self.uniqued([.enter] + keys(.open))
            return [
                KeyBinding(situation, keys(.moveDown), .menu(.down)),
                KeyBinding(situation, keys(.moveUp), .menu(.up)),
                KeyBinding(situation, keys(.pageDown), .menu(.pageDown)),
                KeyBinding(situation, keys(.pageUp), .menu(.pageUp)),
                KeyBinding(situation, keys(.goTop), .menu(.top)),
                KeyBinding(situation, keys(.goBottom), .menu(.bottom)),
                KeyBinding(situation, choosing, .menu(.choose)),
                KeyBinding(situation, closing, .menu(.close)),
            ].map { binding in
                // A window's own keys win over movement keys it shares with
                // them: Enter always chooses, Esc always closes.
                var binding = binding
                switch binding.action {
                case .menu(.close): binding.keys.removeAll { $0 == .enter }
                case .menu(.choose): binding.keys.removeAll { $0 != .enter && closing.contains($0) }
                default: binding.keys.removeAll { closing.contains($0) || choosing.contains($0) }
                }
                return binding
            }
        }
        let bindings = reader
            + menu(.help, closedBy: .showHelp) + menu(.outline, closedBy: .showOutline)
            + menu(.chooser, closedBy: .chooseCategory) + Self.searchPrompt + Self.confirmation
            + menu(.links, closedBy: .showLinks) + menu(.enclosures, closedBy: .showEnclosures)
        self.bindings = bindings
        var table: [KeySituation: [Key: Action]] = [:]
        for binding in bindings {
            for key in binding.keys where table[binding.situation]?[key] == nil {
                table[binding.situation, default: [:]][key] = binding.action
            }
        }
        self.table = table
    }

    /// The standard keys with a config file's changes: each named command
    /// gets exactly the keys given (an empty list unbinds it). Two commands
    /// on one key is an error naming both.
    public init(binding overrides: [String: [Key]]) throws(KeymapError) {
        var reader: [KeyBinding] = []
        for command in ReaderCommand.allCases {
            var binding = command.defaultBinding
            if let keys = overrides[command.name] { binding.keys = Self.uniqued(keys) }
            reader.append(binding)
        }
        for name in overrides.keys.sorted() where ReaderCommand(name: name) == nil {
            throw .unknownAction(name, suggestion: Suggestion.nearest(to: name, in: ReaderCommand.allCases.map(\.name)))
        }
        var owner: [Key: String] = [:]
        for binding in reader {
            for key in binding.keys {
                let name = binding.name ?? ""
                if let other = owner[key] {
                    // Name the command the user changed first, so the message
                    // points at the line they wrote.
                    let (first, second) = overrides[name] != nil || overrides[other] == nil ? (name, other) : (other, name)
                    throw .conflict(key: key, first, second)
                }
                owner[key] = name
            }
        }
        self.init(reader: reader)
    }

    public func bindings(in situation: KeySituation) -> [KeyBinding] {
        bindings.filter { $0.situation == situation }
    }

    /// The action a key means in the reader's current situation; in the
    /// search prompt a character without a binding is typed.
    public func action(for key: Key, in state: ReaderState) -> Action? {
        let action = action(for: key, in: state.keySituation)
        // Any key clears a count, also one that does nothing else.
        if action == nil, state.countPrefix != nil, state.keySituation == .reader { return .clearCount }
        return action
    }

    public func action(for key: Key, in situation: KeySituation) -> Action? {
        if let action = table[situation]?[key] { return action }
        if situation == .searchPrompt, case .character(let character) = key { return .prompt(.input(character)) }
        // A digit bound to no command counts, for the next key (`3o`).
        if situation == .reader, case .character(let character) = key, character.isASCII,
           let digit = character.wholeNumberValue {
            return .countDigit(digit)
        }
        return nil
    }

    /// Every other character is typed into the prompt (see `action(for:in:)`).
    private static let searchPrompt: [KeyBinding] = [
        KeyBinding(.searchPrompt, [.enter], .prompt(.submit)),
        KeyBinding(.searchPrompt, [.escape], .prompt(.cancel)),
        KeyBinding(.searchPrompt, [.backspace, .delete], .prompt(.deleteBackward)),
    ]

    private static let confirmation: [KeyBinding] = [
        KeyBinding(.confirmation, [.character("y"), .character("Y"), .enter], .confirm(true)),
        KeyBinding(.confirmation, [.character("n"), .character("N"), .character("q"), .escape], .confirm(false)),
    ]

    private static func uniqued(_ keys: [Key]) -> [Key] {
        var seen: Set<Key> = []
        return keys.filter { seen.insert($0).inserted }
    }
}

/// Why a config file's `[keys]` cannot be used.
public enum KeymapError: Error, Hashable, Sendable {
    case unknownAction(String, suggestion: String?)
    case conflict(key: Key, String, String)
}
