/// The interface's words for this state: its language, and the keys in
/// force, so a hint never names a key the user has rebound.
extension ReaderState {
    public var text: UIText { UIText(settings.language) }

    /// The first key of a command of the list and article, as the help
    /// screen writes it; nil when the command has no key.
    public func keyName(for action: Action) -> String? {
        keyName(for: action, in: .reader)
    }

    public func keyName(for action: Action, in situation: KeySituation) -> String? {
        settings.keymap.bindings(in: situation).first { $0.action == action }?.keys.first.map(text.key)
    }

    /// Said by every command that needs an open article.
    var openArticleFirst: String { text.openArticleFirst(key: keyName(for: .open)) }
}
