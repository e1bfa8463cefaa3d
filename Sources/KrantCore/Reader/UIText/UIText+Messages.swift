/// The status line's feedback: what a key did, why it did nothing, and
/// what the store, a fetch or the browser reported.
extension UIText {
    /// What the reader jumps between in an article.
    public enum Landmark: Sendable {
        case section, caption
    }

    public func articles(_ number: Int) -> String {
        count(number, en: ("article", "articles"), nl: ("artikel", "artikelen"))
    }

    // MARK: - The article

    /// `key` is the key that opens an article, when one does.
    public func openArticleFirst(key: String?) -> String {
        guard let key else { return say(en: "Open an article first", nl: "Open eerst een artikel") }
        return say(en: "Open an article with \(key) first", nl: "Open eerst een artikel met \(key)")
    }

    public func noLandmarks(_ landmark: Landmark) -> String {
        switch landmark {
        case .section: say(en: "This article has no sections", nl: "Dit artikel heeft geen tussenkoppen")
        case .caption: say(en: "This article has no captions", nl: "Dit artikel heeft geen bijschriften")
        }
    }

    /// "No next section"; Dutch inflects the adjective by the noun's gender.
    public func noLandmark(_ landmark: Landmark, forward: Bool) -> String {
        switch (landmark, forward) {
        case (.section, true): say(en: "No next section", nl: "Geen volgende tussenkop")
        case (.section, false): say(en: "No previous section", nl: "Geen vorige tussenkop")
        case (.caption, true): say(en: "No next caption", nl: "Geen volgend bijschrift")
        case (.caption, false): say(en: "No previous caption", nl: "Geen vorig bijschrift")
        }
    }

    public var noOutline: String {
        say(en: "This article has no sections or captions", nl: "Dit artikel heeft geen tussenkoppen of bijschriften")
    }

    public var noLink: String { say(en: "This article has no link", nl: "Dit artikel heeft geen link") }

    /// The verb first: a long link is cut off at the end, not the verb.
    public func opening(_ url: String) -> String { say(en: "Opening \(url)", nl: "Openen: \(url)") }

    // MARK: - The list

    public func noUnread(forward: Bool) -> String {
        forward ? say(en: "No unread articles below", nl: "Geen ongelezen artikelen hieronder")
            : say(en: "No unread articles above", nl: "Geen ongelezen artikelen hierboven")
    }

    public var noArticlesHere: String { say(en: "No articles here", nl: "Hier staan geen artikelen") }
    public var noArticleSelected: String { say(en: "No article selected", nl: "Geen artikel gekozen") }

    public func showing(unreadOnly: Bool) -> String {
        unreadOnly ? say(en: "Showing unread articles only", nl: "Alleen ongelezen artikelen")
            : say(en: "Showing all articles", nl: "Alle artikelen")
    }

    public var searchCleared: String { say(en: "Search cleared", nl: "Zoekopdracht gewist") }
    public var searchNeedsWord: String {
        say(en: "Search for a word: letters or digits", nl: "Zoek op een woord: letters of cijfers")
    }

    // MARK: - Marks

    public func marked(read: Bool) -> String {
        read ? say(en: "Marked read", nl: "Gemarkeerd als gelezen")
            : say(en: "Marked unread", nl: "Gemarkeerd als ongelezen")
    }

    public func starred(_ starred: Bool) -> String {
        starred ? say(en: "Starred", nl: "Ster gezet") : say(en: "Star removed", nl: "Ster weggehaald")
    }

    public var nothingToMark: String {
        say(en: "Nothing to mark: no unread articles here", nl: "Niets te markeren: hier zijn geen ongelezen artikelen")
    }

    public func markedAllRead(_ number: Int) -> String {
        say(en: "Marked \(articles(number)) read", nl: "\(articles(number)) als gelezen gemarkeerd")
    }

    public var nothingMarked: String { say(en: "Nothing marked", nl: "Niets gemarkeerd") }

    public var markAllFailed: String {
        say(en: "Could not mark the articles read", nl: "Kon de artikelen niet als gelezen markeren")
    }

    public func markNotSaved(_ reason: String) -> String {
        say(en: "Mark not saved (\(reason))", nl: "Markering niet bewaard (\(reason))")
    }

    // MARK: - Fetching

    public var fetchStarting: String { say(en: "fetching…", nl: "ophalen…") }
    public func fetchProgress(done: Int, total: Int) -> String {
        say(en: "fetching \(done)/\(total)", nl: "ophalen \(done)/\(total)")
    }
    public var alreadyFetching: String { say(en: "Already fetching", nl: "Ophalen loopt al") }

    /// The command stays as typed: the command line speaks English.
    public var noFeeds: String {
        say(en: "No feeds yet: add one with krant feeds add URL",
            nl: "Nog geen feeds: voeg er een toe met krant feeds add URL")
    }

    public func fetched(feeds: Int, newArticles: Int, failed: Int) -> String {
        let fed = count(feeds, en: ("feed", "feeds"), nl: ("feed", "feeds"))
        return say(en: "Fetched \(fed): \(newArticles) new" + (failed > 0 ? ", \(failed) failed" : ""),
                   nl: "\(fed) opgehaald: \(newArticles) nieuw" + (failed > 0 ? ", \(failed) mislukt" : ""))
    }

    /// When the last fetch ended and what it brought, for the status bar.
    public func lastFetched(hour: Int, minute: Int, newArticles: Int) -> String {
        let time = DateText.twoDigits(hour) + ":" + DateText.twoDigits(minute)
        return say(en: "fetched \(time): \(newArticles) new", nl: "opgehaald \(time): \(newArticles) nieuw")
    }

    /// The terminal's title: krant's own words and a number, nothing else.
    public func terminalTitle(unread: Int) -> String {
        say(en: "krant: \(unread) unread", nl: "krant: \(unread) ongelezen")
    }

    public func notifyFailed(_ reason: String) -> String {
        say(en: "The notify command failed: \(reason)", nl: "Het notify-commando mislukte: \(reason)")
    }

    /// A sync account's server could not be synced; `reason` is the
    /// command line's English line about it.
    public func syncFailed(account: String, _ reason: String) -> String {
        say(en: "Sync with \(account) failed: \(reason)", nl: "Synchroniseren met \(account) mislukt: \(reason)")
    }

    public func fetchFailed(_ reason: String) -> String {
        say(en: "Could not fetch: \(reason)", nl: "Kon niet ophalen: \(reason)")
    }

    // MARK: - The store

    /// `reason` is the store's own description, which stays English.
    public func storeUnreadable(_ reason: String) -> String {
        say(en: "Could not read the store (\(reason))", nl: "Kon de database niet lezen (\(reason))")
    }

    public func articleGone(_ id: Int64) -> String {
        say(en: "Article \(id) is gone", nl: "Artikel \(id) bestaat niet meer")
    }

    public func rebuildingSearchIndex(waiting: Int) -> String {
        say(en: "Rebuilding the search index for this krant: \(articles(waiting)) not searchable yet",
            nl: "De zoekindex van deze krant wordt opnieuw gebouwd: \(articles(waiting)) nog niet doorzoekbaar")
    }

    // MARK: - The browser

    public func notAWebLink(_ url: String) -> String { say(en: "Not a web link: \(url)", nl: "Geen weblink: \(url)") }

    public func browserExited(status: Int32) -> String {
        say(en: "Browser exited with status \(status)", nl: "Browser stopte met status \(status)")
    }

    public var noBrowser: String { say(en: "No browser found: set browser in the config file, or BROWSER",
                                      nl: "Geen browser gevonden: stel browser in het configuratiebestand in, of BROWSER") }
}
