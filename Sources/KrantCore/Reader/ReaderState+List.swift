extension ReaderState {
    mutating func select(_ index: Int) -> [Effect] {
        selection = max(0, min(index, page.total - 1))
        scrollListToSelection()
        return ensureWindow()
    }

    mutating func page(by rows: Int) -> [Effect] {
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

    mutating func reload(keepingSelection: Bool) -> [Effect] {
        let height = max(1, listHeight)
        let keep = keepingSelection ? selectedHeadline?.id : nil
        if !keepingSelection || keep == nil { selection = 0; listTop = 0 }
        return [.loadHeadlines(query, offset: max(0, listTop - height), limit: height * 3, keeping: keep)]
    }

    mutating func receive(_ loaded: HeadlinePage) -> [Effect] {
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
    mutating func findUnread(forward: Bool) -> [Effect] {
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

    mutating func noUnread(forward: Bool) -> [Effect] {
        message = text.noUnread(forward: forward)
        return []
    }

    /// Selects a headline found by `n` or `N`, opening it when an article is
    /// being read. The open comes first so its mark is asked for before the
    /// window around the headline is read back (which must include it).
    mutating func show(_ headline: Headline, at index: Int) -> [Effect] {
        let opening = focus == .article ? open(headline) : []
        return opening + select(index)
    }

    mutating func openSelected() -> [Effect] {
        guard let headline = selectedHeadline else {
            message = page.total == 0 ? text.noArticlesHere : text.noArticleSelected
            return []
        }
        return open(headline)
    }

    /// The article is loaded before its read mark is asked for: showing it
    /// must not wait for a write.
    mutating func open(_ headline: Headline) -> [Effect] {
        focus = .article
        var effects: [Effect] = [.loadArticle(id: headline.id)]
        if !headline.isRead {
            setLocally(headline.id) { $0.isRead = true }
            page.unread = max(0, page.unread - 1)
            effects.append(.setRead([headline.id], true, in: query))
        }
        return effects
    }

    mutating func toggleFocus() -> [Effect] {
        guard reading != nil else { message = openArticleFirst; return [] }
        focus = focus == .list ? .article : .list
        return []
    }

    /// `q` in the article: back to the list, out of full screen.
    mutating func backToList() -> [Effect] {
        focus = .list
        if fullScreenArticle { fullScreenArticle = false; relayoutArticle() }
        return ensureWindow()
    }
}
