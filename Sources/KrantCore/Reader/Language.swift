/// The language the interface speaks. Article text is never translated.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case english = "en"
    case dutch = "nl"

    /// `nl…` in the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    /// (POSIX's order for messages) means Dutch; anything else English.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("nl") ? .dutch : .english
    }

    /// `en`, `nl`, or the language's name in English or in itself.
    public init?(name: String) {
        switch name.lowercased() {
        case "en", "english", "engels": self = .english
        case "nl", "dutch", "nederlands": self = .dutch
        default: return nil
        }
    }
}
