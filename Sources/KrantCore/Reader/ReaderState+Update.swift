extension ReaderState {
    /// Applies one action and returns the work it needs done. Pure: no I/O,
    /// no clock; the runtime performs the effects and feeds results back.
    public mutating func update(_ action: Action) -> [Effect] {
        if action.isCommand { message = nil }
        switch overlay {
        case .none: break
        case .help: if let effects = updateHelp(action) { return effects }
        case .outline(let menu): if let effects = updateOutline(menu, action) { return effects }
        case .categories(let menu): if let effects = updateCategories(menu, action) { return effects }
        case .search(let text): if let effects = updateSearch(text, action) { return effects }
        case .confirmMarkAll: if let effects = updateConfirm(action) { return effects }
        }

        switch action {
        case .moveDown: return focus == .article ? scrollArticle(by: 1) : select(selection + 1)
        case .moveUp: return focus == .article ? scrollArticle(by: -1) : select(selection - 1)
        case .pageDown:
            return focus == .article ? scrollArticle(by: max(1, articleHeight - 1)) : page(by: max(1, listHeight))
        case .pageUp:
            return focus == .article ? scrollArticle(by: -max(1, articleHeight - 1)) : page(by: -max(1, listHeight))
        case .goTop:
            if focus == .article, reading != nil { reading?.top = 0; return [] }
            return select(0)
        case .goBottom:
            if focus == .article, let reading {
                let bottom = maxArticleTop(reading)
                self.reading?.top = bottom
                return []
            }
            return select(page.total - 1)
        case .open: return focus == .list ? openSelected() : []
        case .toggleFocus:
            guard reading != nil else { message = "Open an article with Enter first"; return [] }
            focus = focus == .list ? .article : .list
            return []
        case .nextSection: return jump(to: \.sections, forward: true, noun: "section")
        case .previousSection: return jump(to: \.sections, forward: false, noun: "section")
        case .nextCaption: return jump(to: \.captions, forward: true, noun: "caption")
        case .previousCaption: return jump(to: \.captions, forward: false, noun: "caption")
        case .showOutline: return showOutline()
        case .nextUnread: return findUnread(forward: true)
        case .previousUnread: return findUnread(forward: false)
        case .toggleRead: return toggleRead()
        case .markAllRead: return markAllRead()
        case .toggleUnreadOnly:
            query.unreadOnly.toggle()
            message = query.unreadOnly ? "Showing unread articles only" : "Showing all articles"
            return reload(keepingSelection: true)
        case .chooseCategory: return [.loadCategories]
        case .refreshFeeds:
            guard fetchProgress == nil else { message = "Already fetching"; return [] }
            fetchProgress = "fetching…"
            return [.fetchFeeds]
        case .startSearch:
            overlay = .search(query.search ?? "")
            return []
        case .toggleStar: return toggleStar()
        case .openInBrowser: return openInBrowser()
        case .showHelp:
            overlay = .help(top: 0)
            return []
        case .toggleFullScreen:
            guard reading != nil else { message = "Open an article with Enter first"; return [] }
            fullScreenArticle.toggle()
            if fullScreenArticle { focus = .article }
            relayoutArticle()
            return ensureWindow()
        case .quit:
            if focus == .article {
                focus = .list
                if fullScreenArticle { fullScreenArticle = false; relayoutArticle() }
                return ensureWindow()
            }
            return [.quit]
        case .cancel:
            if query.search != nil {
                query.search = nil
                message = "Search cleared"
                return reload(keepingSelection: true)
            }
            if focus == .article { focus = .list }
            return []
        case .input, .deleteBackward, .confirm: return []
        case .resized(let width, let height):
            self.width = max(0, width)
            self.height = max(0, height)
            relayoutArticle()
            scrollListToSelection()
            return ensureWindow()
        case .headlinesLoaded(let loaded): return receive(loaded)
        case .articleLoaded(let article):
            reading = Reading(article: article, layout: ArticleLayout(article: article, width: layout.articleTextWidth), top: 0)
            return []
        case .categoriesLoaded(let categories, let feeds, let everything):
            let all = CategoryMenu.Entry(kind: .all, total: everything.total, unread: everything.unread)
            let entries = [all]
                + categories.map { CategoryMenu.Entry(kind: .category($0.name), total: $0.total, unread: $0.unread) }
                + feeds.map { CategoryMenu.Entry(kind: .feed(id: $0.id, title: $0.title), total: $0.total, unread: $0.unread) }
            let current = entries.firstIndex { entry in
                switch entry.kind {
                case .all: query.category == nil && query.feedID == nil
                case .category(let name): query.category == name
                case .feed(let id, _): query.feedID == id
                }
            } ?? 0
            overlay = .categories(CategoryMenu(entries: entries, selection: current))
            return []
        case .fetchProgress(let done, let total):
            fetchProgress = "fetching \(done)/\(total)"
            return []
        case .fetchFinished(let feeds, let newArticles, let failed):
            fetchProgress = nil
            message = feeds == 0 ? "No feeds yet: add one with krant feeds add URL"
                : "Fetched \(feeds) feeds: \(newArticles) new" + (failed > 0 ? ", \(failed) failed" : "")
            return reload(keepingSelection: true)
        case .unreadFound(let headline, let index, let forward):
            guard let headline, let index else { return noUnread(forward: forward) }
            return show(headline, at: index)
        case .storeChanged: return reload(keepingSelection: true)
        case .failed(let text):
            message = text
            return []
        }
    }

    // MARK: - The headline list

    private mutating func select(_ index: Int) -> [Effect] {
        selection = max(0, min(index, page.total - 1))
        scrollListToSelection()
        return ensureWindow()
    }

    private mutating func page(by rows: Int) -> [Effect] {
        listTop = max(0, min(listTop + rows, page.total - listHeight))
        return select(selection + rows)
    }

    mutating func scrollListToSelection() {
        let height = max(1, listHeight)
        if selection < listTop { listTop = selection }
        if selection >= listTop + height { listTop = selection - height + 1 }
        listTop = max(0, min(listTop, page.total - height))
    }

    /// Asks for the part of the view around the visible rows when it is not loaded:
    /// a page above and below, so scrolling a little needs no query.
    mutating func ensureWindow() -> [Effect] {
        let height = max(1, listHeight)
        let wanted = min(page.total, listTop + height)
        let loadedEnd = page.offset + page.rows.count
        if page.query == query, hasLoaded, page.offset <= listTop, loadedEnd >= wanted { return [] }
        return [.loadHeadlines(query, offset: max(0, listTop - height), limit: height * 3, keeping: nil)]
    }

    private mutating func reload(keepingSelection: Bool) -> [Effect] {
        let height = max(1, listHeight)
        let keep = keepingSelection ? selectedHeadline?.id : nil
        if !keepingSelection || keep == nil { selection = 0; listTop = 0 }
        return [.loadHeadlines(query, offset: max(0, listTop - height), limit: height * 3, keeping: keep)]
    }

    private mutating func receive(_ loaded: HeadlinePage) -> [Effect] {
        guard loaded.query == query else { return [] }
        page = loaded
        hasLoaded = true
        if let index = loaded.selectedIndex { selection = index }
        selection = max(0, min(selection, loaded.total - 1))
        scrollListToSelection()
        return ensureWindow()
    }

    /// The nearest unread headline on one side of the selection. The loaded
    /// window answers when it can, with no query; otherwise the store searches
    /// from the window's edge, since every row up to there is known to be read.
    private mutating func findUnread(forward: Bool) -> [Effect] {
        let local = selection - page.offset
        let rows = page.rows
        guard page.query == query, rows.indices.contains(local) else { return noUnread(forward: forward) }
        let found = forward ? rows[(local + 1)...].firstIndex { !$0.isRead } : rows[..<local].lastIndex { !$0.isRead }
        if let found { return show(rows[found], at: page.offset + found) }
        let edge = forward ? rows.count - 1 : 0
        let edgeIndex = page.offset + edge
        if forward ? edgeIndex >= page.total - 1 : edgeIndex <= 0 { return noUnread(forward: forward) }
        return [.findUnread(query, from: ListAnchor(id: rows[edge].id, index: edgeIndex), forward: forward)]
    }

    private mutating func noUnread(forward: Bool) -> [Effect] {
        message = forward ? "No unread articles below" : "No unread articles above"
        return []
    }

    /// Selects a headline found by `n` or `N`, opening it when an article is
    /// being read. The open comes first so its write reaches the store before
    /// the window around the headline is read back.
    private mutating func show(_ headline: Headline, at index: Int) -> [Effect] {
        let opening = focus == .article ? open(headline) : []
        return opening + select(index)
    }

    private mutating func openSelected() -> [Effect] {
        guard let headline = selectedHeadline else {
            message = page.total == 0 ? "No articles here" : "No article selected"
            return []
        }
        return open(headline)
    }

    private mutating func open(_ headline: Headline) -> [Effect] {
        focus = .article
        var effects: [Effect] = [.loadArticle(id: headline.id)]
        if !headline.isRead {
            setLocally(headline.id) { $0.isRead = true }
            page.unread = max(0, page.unread - 1)
            effects.append(.setRead([headline.id], true))
        }
        return effects
    }

    /// Changes a loaded row at once, before the store confirms, so the screen
    /// never lags behind a key press.
    private mutating func setLocally(_ id: Int64, _ change: (inout Headline) -> Void) {
        if let local = page.rows.firstIndex(where: { $0.id == id }) { change(&page.rows[local]) }
    }

    private mutating func toggleRead() -> [Effect] {
        guard let headline = selectedHeadline else { message = "No article selected"; return [] }
        let read = !headline.isRead
        setLocally(headline.id) { $0.isRead = read }
        page.unread += read ? -1 : 1
        if reading?.article.id == headline.id { reading?.article.isRead = read }
        message = read ? "Marked read" : "Marked unread"
        return [.setRead([headline.id], read)]
    }

    private mutating func toggleStar() -> [Effect] {
        guard let headline = selectedHeadline else { message = "No article selected"; return [] }
        let starred = !headline.isStarred
        setLocally(headline.id) { $0.isStarred = starred }
        if reading?.article.id == headline.id { reading?.article.isStarred = starred }
        message = starred ? "Starred" : "Star removed"
        return [.setStarred([headline.id], starred)]
    }

    private mutating func markAllRead() -> [Effect] {
        guard page.unread > 0 else { message = "Nothing to mark: no unread articles here"; return [] }
        if page.total > listHeight {
            overlay = .confirmMarkAll(count: page.unread)
            return []
        }
        return performMarkAllRead()
    }

    private mutating func performMarkAllRead() -> [Effect] {
        let count = page.unread
        for index in page.rows.indices { page.rows[index].isRead = true }
        page.unread = 0
        reading?.article.isRead = true
        message = "Marked \(count) \(count == 1 ? "article" : "articles") read"
        // The view is read again once the write is committed (`.storeChanged`):
        // reading it now could show the rows still unread.
        return [.markAllRead(query)]
    }

    private mutating func openInBrowser() -> [Effect] {
        guard let article = reading?.article else { message = "Open an article with Enter first"; return [] }
        guard let url = article.url else { message = "This article has no link"; return [] }
        message = "Opening \(url)"
        return [.openURL(url)]
    }

    // MARK: - The article pane

    private func maxArticleTop(_ reading: Reading) -> Int {
        max(0, reading.layout.lines.count - articleHeight)
    }

    private mutating func scrollArticle(by lines: Int) -> [Effect] {
        guard let reading else { return [] }
        let limit = max(maxArticleTop(reading), lines < 0 ? reading.top : 0)
        self.reading?.top = max(0, min(reading.top + lines, limit))
        return []
    }

    /// Re-wraps the open article for the pane's width, keeping the block that
    /// was at the top at the top.
    mutating func relayoutArticle() {
        guard let reading else { return }
        let width = layout.articleTextWidth
        guard width != reading.layout.width, width > 0 else { return }
        let anchor = reading.layout.anchors.indices.contains(reading.top) ? reading.layout.anchors[reading.top] : .head
        let layout = ArticleLayout(article: reading.article, width: width)
        self.reading = Reading(article: reading.article, layout: layout,
                               top: reading.top == 0 ? 0 : layout.firstLine(of: anchor))
    }

    private mutating func jump(to landmark: KeyPath<LandmarkLines, [Int]>, forward: Bool, noun: String) -> [Effect] {
        guard let reading else { message = "Open an article with Enter first"; return [] }
        let lines = LandmarkLines(reading)[keyPath: landmark]
        let target = forward ? lines.first { $0 > reading.top } : lines.last { $0 < reading.top }
        guard let target else {
            message = lines.isEmpty ? "This article has no \(noun)s"
                : (forward ? "No next \(noun)" : "No previous \(noun)")
            return []
        }
        self.reading?.top = target
        return []
    }

    private mutating func showOutline() -> [Effect] {
        guard let reading else { message = "Open an article with Enter first"; return [] }
        var entries: [OutlineMenu.Entry] = []
        if let lead = reading.article.leadCaption {
            entries.append(.init(kind: .leadCaption, label: Self.captionLabel(lead), anchor: .leadCaption))
        }
        for (index, block) in reading.article.blocks.enumerated() {
            switch block {
            case .section(let title): entries.append(.init(kind: .section, label: title, anchor: .block(index)))
            case .caption(let caption):
                entries.append(.init(kind: .caption, label: Self.captionLabel(caption), anchor: .block(index)))
            default: break
            }
        }
        guard !entries.isEmpty else { message = "This article has no sections or captions"; return [] }
        let current = entries.lastIndex { reading.layout.firstLine(of: $0.anchor) <= reading.top } ?? 0
        overlay = .outline(OutlineMenu(entries: entries, selection: current))
        return []
    }

    static func captionLabel(_ caption: Caption) -> String {
        caption.credit.isEmpty ? caption.text : "\(caption.credit) · \(caption.text)"
    }

    // MARK: - Overlays (nil: the action is not theirs)

    private mutating func updateHelp(_ action: Action) -> [Effect]? {
        guard case .help(let top) = overlay else { return nil }
        let limit = max(0, Keymap.bindings.count - helpVisibleRows)
        switch action {
        case .moveDown: overlay = .help(top: min(limit, top + 1))
        case .moveUp: overlay = .help(top: max(0, top - 1))
        case .pageDown: overlay = .help(top: min(limit, top + 10))
        case .pageUp: overlay = .help(top: max(0, top - 10))
        case .goTop: overlay = .help(top: 0)
        case .cancel, .quit, .showHelp, .open: overlay = .none
        default: return action.isCommand ? [] : nil
        }
        return []
    }

    private mutating func updateOutline(_ menu: OutlineMenu, _ action: Action) -> [Effect]? {
        if let selection = Self.menuSelection(menu.selection, count: menu.entries.count, after: action) {
            overlay = .outline(OutlineMenu(entries: menu.entries, selection: selection))
            return []
        }
        switch action {
        case .open:
            if let reading { self.reading?.top = reading.layout.firstLine(of: menu.entries[menu.selection].anchor) }
            focus = .article
            overlay = .none
            return []
        case .cancel, .quit, .showOutline:
            overlay = .none
            return []
        default: return action.isCommand ? [] : nil
        }
    }

    private mutating func updateCategories(_ menu: CategoryMenu, _ action: Action) -> [Effect]? {
        if let selection = Self.menuSelection(menu.selection, count: menu.entries.count, after: action) {
            overlay = .categories(CategoryMenu(entries: menu.entries, selection: selection))
            return []
        }
        switch action {
        case .open:
            overlay = .none
            switch menu.entries[menu.selection].kind {
            case .all:
                query.category = nil
                query.feedID = nil
            case .category(let name):
                query.category = name
                query.feedID = nil
            case .feed(let id, let title):
                query.category = nil
                query.feedID = id
                feedTitle = title
            }
            focus = .list
            return reload(keepingSelection: false)
        case .cancel, .quit, .chooseCategory:
            overlay = .none
            return []
        default: return action.isCommand ? [] : nil
        }
    }

    /// Where a menu's highlight goes for a movement key, or nil for other actions.
    private static func menuSelection(_ selection: Int, count: Int, after action: Action) -> Int? {
        switch action {
        case .moveDown: min(count - 1, selection + 1)
        case .moveUp: max(0, selection - 1)
        case .goTop, .pageUp: 0
        case .goBottom, .pageDown: count - 1
        default: nil
        }
    }

    private mutating func updateSearch(_ text: String, _ action: Action) -> [Effect]? {
        switch action {
        case .input(let character):
            overlay = .search(text + String(character))
        case .deleteBackward:
            overlay = .search(String(text.dropLast()))
        case .open:
            overlay = .none
            let words = Sanitizer.cleanLine(text)
            // Search matches words; text without a letter or digit would
            // otherwise be a "search" that lists (and lets A mark) everything.
            if !words.isEmpty && !words.contains(where: { $0.isLetter || $0.isNumber }) {
                message = "Search for a word: letters or digits"
                return []
            }
            query.search = words.isEmpty ? nil : words
            focus = .list
            return reload(keepingSelection: false)
        case .cancel:
            overlay = .none
        default:
            return action.isCommand ? [] : nil
        }
        return []
    }

    private mutating func updateConfirm(_ action: Action) -> [Effect]? {
        switch action {
        case .confirm(true):
            overlay = .none
            return performMarkAllRead()
        case .confirm(false):
            overlay = .none
            message = "Nothing marked"
            return []
        default:
            return action.isCommand ? [] : nil
        }
    }
}

/// The lines a reader can jump to in the open article.
struct LandmarkLines {
    let sections: [Int]
    let captions: [Int]

    init(_ reading: ReaderState.Reading) {
        sections = reading.layout.sectionLines(in: reading.article)
        captions = reading.layout.captionLines(in: reading.article)
    }
}

extension Action {
    /// Commands come from the user; the rest are results from the runtime,
    /// which must never be swallowed by an open overlay.
    var isCommand: Bool {
        switch self {
        case .resized, .headlinesLoaded, .articleLoaded, .categoriesLoaded, .unreadFound, .storeChanged, .failed,
             .fetchProgress, .fetchFinished:
            false
        default:
            true
        }
    }
}
