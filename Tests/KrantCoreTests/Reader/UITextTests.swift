import KrantCore
import ReaderTestSupport
import Testing

/// The reader speaks one language throughout: every message has its own
/// Dutch, no English word shows on a Dutch screen, plurals agree, and hints
/// name the keys in force.
@Suite struct UITextTests {
    static let english = UIText(.english)
    static let dutch = UIText(.dutch)

    /// Every message of `UIText`, made with sample values, by name.
    static func messages(_ text: UIText) -> [String: String] {
        var messages: [String: String] = [
            "key space": text.key(.character(" ")),
            "openArticleFirst": text.openArticleFirst(key: "Enter"),
            "openArticleFirst unbound": text.openArticleFirst(key: nil),
            "noOutline": text.noOutline, "noLink": text.noLink, "opening": text.opening("https://nos.nl"),
            "noUnread below": text.noUnread(forward: true), "noUnread above": text.noUnread(forward: false),
            "noArticlesHere": text.noArticlesHere, "noArticleSelected": text.noArticleSelected,
            "showing unread": text.showing(unreadOnly: true), "showing all": text.showing(unreadOnly: false),
            "searchCleared": text.searchCleared, "searchNeedsWord": text.searchNeedsWord,
            "marked read": text.marked(read: true), "marked unread": text.marked(read: false),
            "starred": text.starred(true), "unstarred": text.starred(false),
            "nothingToMark": text.nothingToMark, "markedAllRead": text.markedAllRead(3),
            "nothingMarked": text.nothingMarked, "markAllFailed": text.markAllFailed,
            "markNotSaved": text.markNotSaved("disk I/O error"),
            "syncFailed": text.syncFailed(account: "home", "E42"),
            "offlineMarksWaiting": text.offlineMarksWaiting(2), "offlineMarkWaiting": text.offlineMarksWaiting(1),
            "notifyFailed": text.notifyFailed("E42"), "oldArticlesRemoved": text.oldArticlesRemoved(3),
            "deleted": text.deleted("Storm op zee", undoKey: "U"), "restored": text.restored("Storm op zee"),
            "nothingToUndo": text.nothingToUndo, "deleteFailed": text.deleteFailed("E42"),
            "restoreFailed": text.restoreFailed("E42"), "lastFetched": text.lastFetched(hour: 9, minute: 5, newArticles: 2),
            "countTyped": text.countTyped(3, openKey: "o"), "noLinks": text.noLinks, "noEnclosures": text.noEnclosures,
            "noSuchLink": text.noSuchLink(7, linkCount: 3), "playerExited": text.playerExited(status: 1), "noPlayer": text.noPlayer,
            "fetchStarting": text.fetchStarting, "fetchProgress": text.fetchProgress(done: 3, total: 10),
            "alreadyFetching": text.alreadyFetching, "noFeeds": text.noFeeds,
            "fetched": text.fetched(feeds: 3, newArticles: 2, failed: 1),
            "fetchFailed": text.fetchFailed("database is locked"),
            "storeUnreadable": text.storeUnreadable("database is locked"), "articleGone": text.articleGone(7),
            "rebuildingSearchIndex": text.rebuildingSearchIndex(waiting: 12),
            "notAWebLink": text.notAWebLink("file:///etc"), "browserExited": text.browserExited(status: 3),
            "noBrowser": text.noBrowser,
            "terminalTooSmall": text.terminalTooSmall, "loading": text.loading, "noMatches": text.noMatches("zeehond"),
            "noUnreadArticles": text.noUnreadArticles(showAllKey: "u"),
            "noUnreadArticles unbound": text.noUnreadArticles(showAllKey: nil), "noArticlesYet": text.noArticlesYet(refreshKey: "R").joined(separator: "\n"),
            "readHint": text.readHint(openKey: "Enter", helpKey: "?"),
            "readHint open": text.readHint(openKey: "Enter", helpKey: nil),
            "readHint help": text.readHint(openKey: nil, helpKey: "?"),
            "wholeArticleShown": text.wholeArticleShown, "atTop": text.atTop, "atBottom": text.atBottom,
            "searchPrompt": text.searchPrompt, "markAllQuestion": text.markAllQuestion(40, yes: "y", no: "n"),
            "results": text.results(3, unread: 1), "unread": text.unread(4, of: 5), "readOnly": text.readOnly,
            "notIndexedYet": text.notIndexedYet(9), "helpHint": text.helpHint(key: "?"),
            "allView": text.allView, "searchView": text.searchView("zeehond"), "feedView": text.feedView,
            "unreadView": text.unreadView, "starredView": text.starredView,
            "helpTitle": text.helpTitle, "outlineTitle": text.outlineTitle, "chooserTitle": text.chooserTitle,
            "allEntry": text.allEntry, "linksHeading": text.linksHeading, "enclosuresHeading": text.enclosuresHeading,
            "fileSize bytes": text.fileSize(512), "fileSize kB": text.fileSize(40_000),
            "fileSize MB": text.fileSize(30_000_000),
        ]
        for landmark in [UIText.Landmark.section, .caption] {
            messages["noLandmarks \(landmark)"] = text.noLandmarks(landmark)
            messages["noLandmark next \(landmark)"] = text.noLandmark(landmark, forward: true)
            messages["noLandmark previous \(landmark)"] = text.noLandmark(landmark, forward: false)
        }
        for error in [SearchSyntaxError.unclosedQuote, .loneMinus, .orWithoutWord, .orWithExcluded,
                      .emptyField("title"), .emptyPhrase, .noWord] {
            messages["searchError \(error)"] = text.searchError(error)
        }
        for binding in Keymap.standard.bindings {
            messages["help \(binding.situation) \(binding.action)"] = text.help(for: binding)
        }
        return messages
    }

    /// Words Dutch has too, so the same in both languages.
    static let sameInDutch: Set = ["feedView", "linksHeading", "fileSize bytes", "fileSize kB"]

    @Test func everyMessageHasItsOwnDutch() {
        let english = Self.messages(Self.english)
        let dutch = Self.messages(Self.dutch)
        #expect(english.count == dutch.count)
        for (name, text) in english.sorted(by: { $0.key < $1.key }) {
            #expect(!text.isEmpty, "\(name) is empty")
            if Self.sameInDutch.contains(name) {
                #expect(dutch[name] == text, "\(name)")
            } else {
                #expect(dutch[name] != text, "\(name) is the same in Dutch: \(text)")
            }
        }
        #expect(ReaderCommand.allCases.allSatisfy { Self.english.help($0) == $0.help })
        #expect(Set(ReaderCommand.allCases.map(Self.dutch.help)).count == ReaderCommand.allCases.count)
    }

    /// Words that would give English away on a Dutch screen.
    static let englishWords: Set = [
        "the", "and", "to", "for", "with", "this", "every", "all", "next", "previous", "first", "last",
        "headline", "headlines", "article", "articles", "read", "unread", "mark", "marked", "search", "show",
        "showing", "choose", "close", "closes", "fetch", "fetching", "fetched", "help", "quit", "keys", "page",
        "down", "up", "scroll", "entry", "yes", "no", "press", "star", "starred", "results", "result", "caption",
        "captions", "section", "sections", "loading", "could", "not", "found", "space", "top", "bot", "outline",
        "categories", "enclosures",
    ]

    static func englishWords(in text: String) -> [String] {
        text.split { !$0.isLetter }.map { $0.lowercased() }.filter { englishWords.contains($0) }
    }

    @Test func noDutchMessageHasAnEnglishWord() {
        // Commands and variables stay as the command line spells them.
        let commandLine: Set = ["noFeeds", "noArticlesYet", "noBrowser"]
        for (name, text) in Self.messages(Self.dutch) where !commandLine.contains(name) {
            #expect(Self.englishWords(in: text).isEmpty, "\(name): \(text)")
        }
        #expect(Self.englishWords(in: Self.dutch.noFeeds.replacingOccurrences(of: "krant feeds add URL", with: ""))
            .isEmpty)
    }

    /// Every page of the Dutch help window, with the list and status bar
    /// around it.
    @Test func theDutchHelpScreenHasNoEnglishWord() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3), settings: ReaderSettings(language: .dutch))
        driver.press(.character("?"))
        var screens: [String] = []
        while case .help = driver.state.overlay, screens.count < 5 {
            screens.append(ReaderRenderer.render(driver.state).textLines.joined(separator: "\n"))
            driver.press(.pageDown)
            if screens.count >= 2, screens.last == screens[screens.count - 2] { break }
        }
        #expect(screens.count >= 2)
        for screen in screens {
            #expect(Self.englishWords(in: screen).isEmpty, "\(screen)")
        }
        #expect(screens.joined().contains("Toetsen (Esc sluit)"))
        // Each line whole: no Dutch runs into the window's frame.
        for binding in driver.state.helpBindings {
            let help = Self.dutch.help(for: binding)
            #expect(screens.contains { $0.contains(help + " ") }, "cut off: \(help)")
        }
    }

    @Test func pluralsAgreeInBothLanguages() {
        #expect(Self.english.markedAllRead(1) == "Marked 1 article read")
        #expect(Self.english.markedAllRead(2) == "Marked 2 articles read")
        #expect(Self.dutch.markedAllRead(1) == "1 artikel als gelezen gemarkeerd")
        #expect(Self.dutch.markedAllRead(2) == "2 artikelen als gelezen gemarkeerd")
        #expect(Self.english.results(1, unread: 0) == "1 result, 0 unread")
        #expect(Self.dutch.results(2, unread: 1) == "2 resultaten, 1 ongelezen")
        #expect(Self.dutch.results(1, unread: 1) == "1 resultaat, 1 ongelezen")
        #expect(Self.english.fetched(feeds: 1, newArticles: 3, failed: 0) == "Fetched 1 feed: 3 new")
        #expect(Self.english.fetched(feeds: 3, newArticles: 2, failed: 1) == "Fetched 3 feeds: 2 new, 1 failed")
        #expect(Self.dutch.fetched(feeds: 3, newArticles: 2, failed: 1) == "3 feeds opgehaald: 2 nieuw, 1 mislukt")
        #expect(Self.english.markAllQuestion(1, yes: "y", no: "n") == "Mark 1 article read? (y/n)")
        #expect(Self.dutch.markAllQuestion(40, yes: "y", no: "n") == "40 artikelen als gelezen markeren? (y/n)")
        #expect(Self.dutch.rebuildingSearchIndex(waiting: 1).contains("1 artikel nog niet doorzoekbaar"))
        #expect(Self.dutch.fileSize(30_000_000) == "30,0 MB")
        #expect(Self.english.fileSize(30_000_000) == "30.0 MB")
    }

    /// The reader's own feedback, as the keys bring it about, in Dutch.
    @Test func dutchFeedbackFromKeys() {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(2), settings: ReaderSettings(language: .dutch))
        driver.press(.character("]"))
        #expect(driver.state.message == "Open eerst een artikel met Enter")
        driver.press(.enter, .character("]"), .character("]"))
        #expect(driver.state.message == "Geen volgende tussenkop")
        driver.press(.character("}"), .character("}"))
        #expect(driver.state.message == "Geen volgend bijschrift")
        driver.press(.character("r"))
        #expect(driver.state.message == "Gemarkeerd als ongelezen")
        driver.press(.character("s"))
        #expect(driver.state.message == "Ster gezet")
        driver.press(.character("q"), .character("u"))
        #expect(driver.state.message == "Alleen ongelezen artikelen")
        #expect(driver.state.viewName == "ongelezen")
        let status = ReaderRenderer.render(driver.state).textLines.last ?? ""
        #expect(status.hasPrefix(" ongelezen · 2 ongelezen van 2"))
    }

    /// A rebound key is the one a hint names; an unbound one is not named.
    @Test func hintsNameTheKeysInForce() throws {
        let keymap = try Keymap(binding: ["toggle-unread-only": [.character("x")], "open": [.character("l")],
                                          "help": [.function(1)], "links": []])
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(2),
                                           settings: ReaderSettings(keymap: keymap, language: .dutch))
        var screen = ReaderRenderer.render(driver.state).textLines
        #expect(screen.last?.hasSuffix(" F1 hulp ") == true)
        #expect(screen.contains { $0.contains("Druk op l om het gekozen artikel te lezen, F1 voor hulp") })
        driver.press(.character("]"))
        #expect(driver.state.message == "Open eerst een artikel met l")
        driver.press(.character("A"), .character("x"))
        screen = ReaderRenderer.render(driver.state).textLines
        #expect(screen.contains { $0.contains("Geen ongelezen artikelen. Druk op x om alles te tonen.") })

        let unbound = try Keymap(binding: ["toggle-unread-only": [], "help": []])
        let english = ReaderFixtures.driver(ReaderFixtures.generated(2), settings: ReaderSettings(keymap: unbound))
        screen = ReaderRenderer.render(english.state).textLines
        #expect(screen.contains { $0.contains("Press Enter to read the selected article ") })
        #expect(!screen.contains { $0.contains("help") })
        #expect(screen.last?.contains(" all · 2 unread of 2 ") == true)
        #expect(Self.english.noUnreadArticles(showAllKey: nil) == "No unread articles.")
    }

    @Test func theSpaceBarHasADutchName() {
        #expect(Self.dutch.key(.character(" ")) == "Spatie")
        #expect(Self.english.key(.character(" ")) == "Space")
        #expect(Self.dutch.key(.pageDown) == "PgDn")
        #expect(Self.dutch.key(.character("j")) == "j")
    }
}
