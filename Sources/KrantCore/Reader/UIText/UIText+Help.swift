/// What the help screen says each key does.
extension UIText {
    /// The help line of a binding: its command's, or what the key does in
    /// its window.
    public func help(for binding: KeyBinding) -> String {
        switch binding.action {
        case .menu(let action): return help(action, in: binding.situation)
        case .prompt(let action): return help(action)
        case .confirm(let yes): return yes ? say(en: "yes", nl: "ja") : say(en: "no", nl: "nee")
        default: return ReaderCommand.allCases.first { $0.action == binding.action }.map(help) ?? ""
        }
    }

    public func help(_ command: ReaderCommand) -> String {
        switch command {
        case .moveDown: say(en: "next headline; in the article: scroll down",
                            nl: "volgende kop; in het artikel: regel omlaag")
        case .moveUp: say(en: "previous headline; in the article: scroll up",
                          nl: "vorige kop; in het artikel: regel omhoog")
        case .pageDown: say(en: "page down", nl: "pagina omlaag")
        case .pageUp: say(en: "page up", nl: "pagina omhoog")
        case .goTop: say(en: "first headline / top of the article", nl: "eerste kop / begin van het artikel")
        case .goBottom: say(en: "last headline / end of the article", nl: "laatste kop / einde van het artikel")
        case .open: say(en: "open the selected article (marks it read)",
                        nl: "gekozen artikel openen (markeert het als gelezen)")
        case .toggleFocus: say(en: "switch between headlines and article", nl: "wisselen tussen koppen en artikel")
        case .nextSection: say(en: "next section heading", nl: "volgende tussenkop")
        case .previousSection: say(en: "previous section heading", nl: "vorige tussenkop")
        case .nextCaption: say(en: "next photo caption", nl: "volgend fotobijschrift")
        case .previousCaption: say(en: "previous photo caption", nl: "vorig fotobijschrift")
        case .showOutline: say(en: "outline: sections and captions", nl: "overzicht: tussenkoppen en bijschriften")
        case .nextUnread: say(en: "next unread article", nl: "volgend ongelezen artikel")
        case .previousUnread: say(en: "previous unread article", nl: "vorig ongelezen artikel")
        case .toggleRead: say(en: "mark read / unread", nl: "markeren als gelezen / ongelezen")
        case .markAllRead: say(en: "mark every article in this view read",
                               nl: "alle artikelen in deze weergave als gelezen markeren")
        case .toggleUnreadOnly: say(en: "show only unread / show all", nl: "alleen ongelezen / alles tonen")
        case .chooseCategory: say(en: "choose a category or feed", nl: "categorie of feed kiezen")
        case .refreshFeeds: say(en: "fetch every feed (in the background)", nl: "alle feeds ophalen (op de achtergrond)")
        case .startSearch: say(en: "search titles and text", nl: "zoeken in titels en tekst")
        case .toggleStar: say(en: "star / unstar", nl: "ster zetten / weghalen")
        case .openInBrowser: say(en: "open the article's link in the browser",
                                 nl: "link van het artikel openen in de browser")
        case .toggleFullScreen: say(en: "article full screen / split", nl: "artikel schermvullend / gedeeld")
        case .showHelp: say(en: "this help", nl: "deze hulp")
        case .showLinks: say(en: "the article's links (a number, then o: that link)",
                             nl: "links van het artikel (een getal, dan o: die link)")
        case .showEnclosures: say(en: "the article's enclosures: audio, video, images",
                                  nl: "bijlagen van het artikel: audio, video, beelden")
        case .cancel: say(en: "close a window; clear the search", nl: "venster sluiten; zoekopdracht wissen")
        case .quit: say(en: "in the article: back to the list; in the list: quit",
                        nl: "in het artikel: naar de lijst; in de lijst: stoppen")
        case .deleteArticle: say(en: "delete the article (can be undone right after)",
                                 nl: "artikel verwijderen (daarna terug te halen)")
        case .undoDelete: say(en: "undo the delete just made", nl: "net verwijderd artikel terughalen")
        }
    }

    /// In the help screen Enter closes it; in a menu it chooses.
    func help(_ action: MenuAction, in situation: KeySituation) -> String {
        switch action {
        case .down: say(en: "next entry", nl: "volgend item")
        case .up: say(en: "previous entry", nl: "vorig item")
        case .pageDown: say(en: "page down", nl: "pagina omlaag")
        case .pageUp: say(en: "page up", nl: "pagina omhoog")
        case .top: say(en: "first entry", nl: "eerste item")
        case .bottom: say(en: "last entry", nl: "laatste item")
        case .choose where situation == .help, .close: say(en: "close", nl: "sluiten")
        case .choose: say(en: "choose", nl: "kiezen")
        }
    }

    func help(_ action: PromptAction) -> String {
        switch action {
        case .submit: say(en: "search", nl: "zoeken")
        case .cancel: say(en: "close the prompt, keep the search", nl: "invoer sluiten, zoekopdracht houden")
        case .deleteBackward: say(en: "delete a character", nl: "teken wissen")
        case .input: say(en: "typed into the search", nl: "getypt in de zoekopdracht")
        }
    }
}
