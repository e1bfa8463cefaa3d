/// Every string the reader shows of its own, in the interface's language
/// (article text is never translated). Each message gives its English and
/// Dutch side by side through `say(en:nl:)`, whose switch covers every
/// `Language`: adding a language stops the build in `say` until it takes
/// that language's words too, and then at every message still without them.
///
/// The messages live in extensions by where they appear: the status line's
/// feedback (`UIText+Messages`), the screen's fixed words (`UIText+Screen`)
/// and the help lines of the keys (`UIText+Help`).
public struct UIText: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The words for the interface's language.
    func say<Words>(en: Words, nl: Words) -> Words {
        switch language {
        case .english: en
        case .dutch: nl
        }
    }

    /// A number with its noun, singular for exactly one ("1 artikel",
    /// "2 artikelen").
    func count(_ number: Int, en: (one: String, many: String), nl: (one: String, many: String)) -> String {
        let noun = say(en: en, nl: nl)
        return "\(number) \(number == 1 ? noun.one : noun.many)"
    }

    /// A key as the help screen and hints write it. Only the space bar has a
    /// name of its own in Dutch; the other names are what the keys say.
    public func key(_ key: Key) -> String {
        key == .character(" ") ? say(en: "Space", nl: "Spatie") : key.label
    }
}
