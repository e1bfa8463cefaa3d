/// What the reader says about deleting and keeping articles.
extension UIText {
    /// The title is shortened: the undo key must stay on the status bar.
    public func deleted(_ title: String, undoKey: String?) -> String {
        let short = TextWrapper.truncate(title, width: 40)
        guard let undoKey else { return say(en: "Deleted “\(short)”", nl: "“\(short)” verwijderd") }
        return say(en: "Deleted “\(short)” — \(undoKey) to undo", nl: "“\(short)” verwijderd — \(undoKey) haalt het terug")
    }

    public func restored(_ title: String) -> String {
        let short = TextWrapper.truncate(title, width: 40)
        return say(en: "Restored “\(short)”", nl: "“\(short)” teruggehaald")
    }

    public var nothingToUndo: String {
        say(en: "Nothing to undo (undo works right after a delete)",
            nl: "Niets terug te halen (dat kan direct na het verwijderen)")
    }

    public func deleteFailed(_ reason: String) -> String {
        say(en: "Could not delete: \(reason)", nl: "Kon niet verwijderen: \(reason)")
    }

    public func restoreFailed(_ reason: String) -> String {
        say(en: "Could not restore: \(reason)", nl: "Kon niet terughalen: \(reason)")
    }

    /// Added to a fetch's line when the config file's retention removed articles.
    public func oldArticlesRemoved(_ number: Int) -> String {
        let old = count(number, en: ("old article", "old articles"), nl: ("oud artikel", "oude artikelen"))
        return say(en: "\(old) removed", nl: "\(old) verwijderd")
    }
}
