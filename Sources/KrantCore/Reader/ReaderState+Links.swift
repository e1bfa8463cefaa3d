/// Following the open article's links and opening its enclosures: the
/// links window (`l`), a link by its number (`3o`) and the enclosures
/// window (`e`). What is opened goes out as an effect; the runtime hands
/// it to the browser or the player.
extension ReaderState {
    /// The largest count a prefix keeps: more digits are a slip of the finger.
    static let countLimit = 99_999

    /// A digit typed in the reader: the count grows, for the key after it.
    mutating func addToCount(_ digit: Int) -> [Effect] {
        let count = (countPrefix ?? 0) * 10 + digit
        countPrefix = min(count, Self.countLimit)
        return []
    }

    mutating func showLinks() -> [Effect] {
        guard let reading else { message = openArticleFirst; return [] }
        let entries = LinkEntry.links(of: reading.article)
        guard !entries.isEmpty else { message = text.noLinks; return [] }
        overlay = .links(LinkMenu(entries: entries))
        return []
    }

    mutating func showEnclosures() -> [Effect] {
        guard let reading else { message = openArticleFirst; return [] }
        let enclosures = reading.article.enclosures
        guard !enclosures.isEmpty else { message = text.noEnclosures; return [] }
        overlay = .enclosures(EnclosureMenu(entries: enclosures))
        return []
    }

    /// Link `number` of the open article, as `[number]` in its text.
    mutating func openLink(_ number: Int) -> [Effect] {
        guard let reading else { message = openArticleFirst; return [] }
        let links = reading.article.links
        guard links.indices.contains(number - 1) else {
            message = text.noSuchLink(number, linkCount: links.count)
            return []
        }
        return open(LinkEntry(number: number, url: links[number - 1]))
    }

    mutating func open(_ link: LinkEntry) -> [Effect] {
        message = text.opening(link.url)
        return [.openURL(link.url)]
    }

    mutating func open(_ enclosure: Enclosure) -> [Effect] {
        message = text.opening(enclosure.url)
        return [.openEnclosure(enclosure.url)]
    }
}
