/// The screen's own words: hints in empty panes, the status bar, window
/// titles, the chooser's first entry and the headings after an article.
extension UIText {
    public var terminalTooSmall: String { say(en: "Terminal too small for krant", nl: "Terminal te klein voor krant") }

    // MARK: - Empty panes

    public var loading: String { say(en: "Loading…", nl: "Laden…") }

    public func noMatches(_ search: String) -> String {
        say(en: "No articles match \"\(search)\"", nl: "Geen artikelen gevonden voor \"\(search)\"")
    }

    /// `showAllKey` is the key that shows read articles again, when one does.
    public func noUnreadArticles(showAllKey: String?) -> String {
        let hint = showAllKey.map { say(en: " Press \($0) to show all.", nl: " Druk op \($0) om alles te tonen.") } ?? ""
        return say(en: "No unread articles.", nl: "Geen ongelezen artikelen.") + hint
    }

    /// An empty store's list: how to get news into it, one way a line.
    /// The commands stay as typed; only their placeholders are words.
    public func noArticlesYet(refreshKey: String?) -> [String] {
        [
            say(en: "No articles yet.", nl: "Nog geen artikelen."),
            say(en: "Subscribe to a news feed:", nl: "Abonneer je op een nieuwsfeed:"),
            say(en: "  krant feeds add URL", nl: "  krant feeds add URL"),
            say(en: "Import saved articles and feed files:", nl: "Importeer bewaarde artikelen en feedbestanden:"),
            say(en: "  krant import PATH", nl: "  krant import PAD"),
            say(en: "Import subscriptions from another reader:", nl: "Importeer abonnementen uit een andere lezer:"),
            say(en: "  krant feeds import-opml FILE", nl: "  krant feeds import-opml BESTAND"),
        ] + (refreshKey.map { key in
            ["", say(en: "Then press \(key) here to fetch the feeds.", nl: "Druk daarna hier op \(key) om de feeds op te halen.")]
        } ?? [])
    }

    /// The article pane before one is opened, naming the keys in force
    /// (or leaving out a part whose key is unbound).
    public func readHint(openKey: String?, helpKey: String?) -> String {
        switch (openKey, helpKey) {
        case let (open?, help?):
            say(en: "Press \(open) to read the selected article, \(help) for help",
                nl: "Druk op \(open) om het gekozen artikel te lezen, \(help) voor hulp")
        case let (open?, nil):
            say(en: "Press \(open) to read the selected article", nl: "Druk op \(open) om het gekozen artikel te lezen")
        case let (nil, help?): say(en: "Press \(help) for help", nl: "Druk op \(help) voor hulp")
        case (nil, nil): ""
        }
    }

    // MARK: - The divider's scroll position, as less and vim show it

    public var wholeArticleShown: String { say(en: "All", nl: "Alles") }
    public var atTop: String { say(en: "Top", nl: "Boven") }
    public var atBottom: String { say(en: "Bot", nl: "Onder") }

    // MARK: - The status bar

    public var searchPrompt: String { say(en: "Search: ", nl: "Zoeken: ") }

    /// The question names the keys the confirmation takes, which are the
    /// same in every language.
    public func markAllQuestion(_ number: Int, yes: String, no: String) -> String {
        say(en: "Mark \(articles(number)) read? (\(yes)/\(no))",
            nl: "\(articles(number)) als gelezen markeren? (\(yes)/\(no))")
    }

    public func results(_ total: Int, unread: Int) -> String {
        let found = count(total, en: ("result", "results"), nl: ("resultaat", "resultaten"))
        return say(en: "\(found), \(unread) unread", nl: "\(found), \(unread) ongelezen")
    }

    public func unread(_ unread: Int, of total: Int) -> String {
        say(en: "\(unread) unread of \(total)", nl: "\(unread) ongelezen van \(total)")
    }

    public var readOnly: String { say(en: "read-only", nl: "alleen-lezen") }

    /// The last sync could not reach the server; marks wait in the store.
    public func offlineMarksWaiting(_ number: Int) -> String {
        say(en: "offline: \(number) mark\(number == 1 ? "" : "s") waiting",
            nl: "offline: \(number) markering\(number == 1 ? "" : "en") wacht\(number == 1 ? "" : "en")")
    }

    public func notIndexedYet(_ number: Int) -> String {
        say(en: "\(number) not indexed yet", nl: "\(number) nog niet geïndexeerd")
    }

    public func helpHint(key: String?) -> String {
        key.map { say(en: "\($0) help", nl: "\($0) hulp") } ?? ""
    }

    // MARK: - The view's name in the status bar

    public var allView: String { say(en: "all", nl: "alles") }
    public func searchView(_ search: String) -> String { say(en: "search \"\(search)\"", nl: "zoeken \"\(search)\"") }
    /// A feed whose title is not known yet; Dutch says feed too.
    public var feedView: String { say(en: "feed", nl: "feed") }
    public var unreadView: String { say(en: "unread", nl: "ongelezen") }
    public var starredView: String { say(en: "starred", nl: "met ster") }

    // MARK: - Windows

    public var helpTitle: String {
        say(en: "Keys (\(key(.escape)) closes)", nl: "Toetsen (\(key(.escape)) sluit)")
    }

    public var outlineTitle: String { say(en: "Outline", nl: "Overzicht") }
    public var chooserTitle: String { say(en: "Categories and feeds", nl: "Categorieën en feeds") }
    /// The chooser's entry for every article.
    public var allEntry: String { say(en: "All", nl: "Alles") }

    // MARK: - After an article's text

    /// Dutch says links too.
    public var linksHeading: String { say(en: "Links", nl: "Links") }
    public var enclosuresHeading: String { say(en: "Enclosures", nl: "Bijlagen") }

    /// A byte count as people read file sizes: `30.0 MB` (`30,0 MB` in
    /// Dutch), `40 kB`, `512 bytes`.
    public func fileSize(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1000: return "\(bytes) bytes"
        case ..<1_000_000: return "\(bytes / 1000) kB"
        default:
            let point = say(en: ".", nl: ",")
            return "\(bytes / 1_000_000)\(point)\(bytes % 1_000_000 / 100_000) MB"
        }
    }
}
