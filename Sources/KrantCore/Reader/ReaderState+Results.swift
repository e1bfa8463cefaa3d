/// Results and events from the runtime and the store: applied whatever
/// window is open.
extension ReaderState {
    mutating func receive(_ result: Action) -> [Effect] {
        switch result {
        case .resized(let width, let height):
            self.width = max(0, width)
            self.height = max(0, height)
            relayoutArticle()
            scrollListToSelection()
            return ensureWindow()
        case .headlinesLoaded(let loaded): return receive(loaded)
        case .articleLoaded(let article):
            let articleLayout = ArticleLayout(article: article, width: layout.articleTextWidth, language: settings.language)
            reading = Reading(article: article, layout: articleLayout, top: 0)
            return []
        case .categoriesLoaded(let categories, let feeds, let everything, let saved):
            let entries = [everything] + saved
                + categories.map { ChooserEntry(kind: .category($0.name), total: $0.total, unread: $0.unread) }
                + feeds.map { ChooserEntry(kind: .feed(id: $0.id, title: $0.title), total: $0.total, unread: $0.unread) }
            // A saved query's own entry, not All, is the one a saved view shows.
            let current = savedQueryName.flatMap { name in
                entries.firstIndex { if case .saved(name, query) = $0.kind { true } else { false } }
            } ?? entries.firstIndex { $0.isShown(by: query) } ?? 0
            overlay = .categories(CategoryMenu(entries: entries, selection: current))
            return []
        case .fetchProgress(let done, let total):
            fetchProgress = text.fetchProgress(done: done, total: total)
            return []
        case .fetchFinished(let feeds, let newArticles, let failed):
            fetchProgress = nil
            // A fetch of its own says only its failures; the status bar
            // shows what it brought.
            let automatic = fetchEnded(newArticles: newArticles)
            if !automatic || failed > 0 {
                message = feeds == 0 ? text.noFeeds : text.fetched(feeds: feeds, newArticles: newArticles, failed: failed)
            }
            return reload(keepingSelection: true)
        case .unreadFound(let headline, let index, let forward):
            guard let headline, let index else { return noUnread(forward: forward) }
            return show(headline, at: index)
        case .storeChanged: return reload(keepingSelection: true)
        case .failed(let text), .notice(let text):
            // A failure that only repeats the damage already on show adds nothing.
            if let storeDamage, text.contains(storeDamage) { return [] }
            message = text
            return []
        case .storeReadOnly:
            storeIsReadOnly = true
            return []
        case .syncBacklog(let waiting, let offline):
            offlineMarks = offline ? waiting : nil
            return []
        case .tick(let now): return tick(now)
        case .storeDamaged(let line):
            storeDamage = line
            // It says what a failed read or write just said, and stays.
            message = nil
            return []
        default:
            return []
        }
    }
}
