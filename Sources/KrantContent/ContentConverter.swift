/// What the store needs from the content layer to index an article stored
/// with its HTML body: the words, and which version of the rules made them.
///
/// The search index is contentless: taking an article out of it means
/// handing FTS5 the very words it went in with. Those words are computed
/// again from the stored HTML at that moment, so they are the same only
/// while the rules are. The store records `version` with its index and
/// rebuilds the index when a krant with other rules opens it, before any
/// update or delete could hand FTS5 words it never had.
public struct ContentConverter: Sendable {
    /// Bump whenever `HTMLBody.searchableText` may give other words for the
    /// same stored body: a new element, another entity rule, a credit spelt
    /// another way, anything in `HTMLBlockBuilder` or `CaptionCreditSplitter`.
    public static let currentVersion = 2

    /// The rules this krant lays out HTML with.
    public static let current = ContentConverter(version: currentVersion, searchableText: HTMLBody.searchableText)

    public var version: Int
    /// The words an article stored with `html` (and a lead caption from the
    /// feed) is indexed under.
    public var searchableText: @Sendable (_ leadCredit: String?, _ leadText: String?, _ html: String) -> String

    public init(version: Int,
                searchableText: @escaping @Sendable (_ leadCredit: String?, _ leadText: String?, _ html: String) -> String) {
        self.version = version
        self.searchableText = searchableText
    }
}
