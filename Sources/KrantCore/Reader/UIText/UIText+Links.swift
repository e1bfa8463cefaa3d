/// The words of the links and enclosures windows, the count typed before
/// a key, and what the player reports.
extension UIText {
    public var noLinks: String { say(en: "This article has no links", nl: "Dit artikel heeft geen links") }

    public var noEnclosures: String {
        say(en: "This article has no enclosures", nl: "Dit artikel heeft geen bijlagen")
    }

    /// `3o` on an article with fewer links.
    public func noSuchLink(_ number: Int, linkCount: Int) -> String {
        switch linkCount {
        case 0: return noLinks
        case 1: return say(en: "No link \(number): this article has 1 link",
                           nl: "Geen link \(number): dit artikel heeft 1 link")
        default: return say(en: "No link \(number): this article has links 1 to \(linkCount)",
                            nl: "Geen link \(number): dit artikel heeft links 1 tot en met \(linkCount)")
        }
    }

    /// The status bar while a count is typed; `key` opens that link.
    public func countTyped(_ count: Int, openKey key: String?) -> String {
        guard let key else { return "\(count)" }
        return say(en: "\(count) · \(key) opens link \(count)", nl: "\(count) · \(key) opent link \(count)")
    }

    /// An enclosure's line in its window: what it is and how big, then where.
    public func enclosureDetails(_ enclosure: Enclosure) -> String {
        [enclosure.type ?? say(en: "unknown type", nl: "onbekend type"), enclosure.length.map(fileSize)]
            .compactMap { $0 }.joined(separator: ", ")
    }

    public func playerExited(status: Int32) -> String {
        say(en: "Player exited with status \(status)", nl: "Speler stopte met status \(status)")
    }

    public var noPlayer: String {
        say(en: "No player found: check player in the config file",
            nl: "Geen speler gevonden: controleer player in het configuratiebestand")
    }
}
