/// Where the keys go: the headline list and article, or the window open over
/// them. The same key means different things in each (Enter opens an
/// article, chooses in a menu, submits a search), so the keymap looks keys
/// up per situation.
public enum KeySituation: Hashable, Sendable, CaseIterable {
    case reader
    case help
    case outline
    case chooser
    case searchPrompt
    case confirmation
    case links
    case enclosures
}

extension ReaderState {
    public var keySituation: KeySituation {
        switch overlay {
        case .none: .reader
        case .help: .help
        case .outline: .outline
        case .categories: .chooser
        case .search: .searchPrompt
        case .confirmMarkAll: .confirmation
        case .links: .links
        case .enclosures: .enclosures
        }
    }
}
