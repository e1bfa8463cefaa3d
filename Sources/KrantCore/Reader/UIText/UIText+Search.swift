/// What the reader says about a search it cannot run.
extension UIText {
    public func searchError(_ error: SearchSyntaxError) -> String {
        switch error {
        case .unclosedQuote:
            say(en: "Search: a quote \" is not closed", nl: "Zoeken: een aanhalingsteken \" is niet gesloten")
        case .loneMinus:
            say(en: "Search: a lone - leaves nothing out; write -word", nl: "Zoeken: een losse - sluit niets uit; schrijf -woord")
        case .orWithoutWord:
            say(en: "Search: OR needs a word on each side", nl: "Zoeken: OR moet aan beide kanten een woord hebben")
        case .orWithExcluded:
            say(en: "Search: OR cannot join a -word", nl: "Zoeken: OR kan geen -woord verbinden")
        case .emptyField(let field):
            say(en: "Search: \(field): needs a word right after it", nl: "Zoeken: na \(field): moet direct een woord staan")
        case .emptyPhrase:
            say(en: "Search: the phrase \"\" has no word", nl: "Zoeken: de woordgroep \"\" heeft geen woord")
        case .noWord:
            searchNeedsWord
        }
    }
}
