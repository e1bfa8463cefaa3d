extension ReaderState {
    /// Applies one action and returns the work it needs done. Pure: no I/O,
    /// no clock; the driver performs the effects and feeds results back.
    ///
    /// Results from the runtime are applied whatever is on screen; a key
    /// goes to the open window if there is one, else to the list or article.
    public mutating func update(_ action: Action) -> [Effect] {
        guard action.isCommand else { return receive(action) }
        message = nil
        // An undo is offered until the next action; typing a count is not one.
        switch action {
        case .undoDelete, .countDigit, .clearCount: break
        default: undoableDeletion = nil
        }
        if case .countDigit(let digit) = action, overlay == .none { return addToCount(digit) }
        // A count lasts one key: the one it was typed for, or any other.
        let count = countPrefix
        countPrefix = nil
        if overlay != .none { return updateOverlay(action) }
        if let count {
            switch action {
            case .showOutline: return openLink(count)
            case .cancel, .clearCount: return []
            default: break
            }
        }
        return updateReader(action)
    }

    /// The commands of the headline list and the article pane.
    private mutating func updateReader(_ action: Action) -> [Effect] {
        // Lines move the article while it has the focus (even while it is
        // still loading); the ends fall back to the list when none is open.
        let inArticle = focus == .article
        let articleOpen = inArticle && reading != nil
        switch action {
        case .moveDown: return inArticle ? scrollArticle(by: 1) : select(selection + 1)
        case .moveUp: return inArticle ? scrollArticle(by: -1) : select(selection - 1)
        case .pageDown: return inArticle ? scrollArticle(by: max(1, articleHeight - 1)) : page(by: max(1, listHeight))
        case .pageUp: return inArticle ? scrollArticle(by: -max(1, articleHeight - 1)) : page(by: -max(1, listHeight))
        case .goTop: return articleOpen ? scrollArticleToTop() : select(0)
        case .goBottom: return articleOpen ? scrollArticleToBottom() : select(page.total - 1)
        case .open: return focus == .list ? openSelected() : []
        case .toggleFocus: return toggleFocus()
        case .nextSection: return jump(to: \.sections, forward: true, noun: .section)
        case .previousSection: return jump(to: \.sections, forward: false, noun: .section)
        case .nextCaption: return jump(to: \.captions, forward: true, noun: .caption)
        case .previousCaption: return jump(to: \.captions, forward: false, noun: .caption)
        case .showOutline: return showOutline()
        case .nextUnread: return findUnread(forward: true)
        case .previousUnread: return findUnread(forward: false)
        case .toggleRead: return toggleRead()
        case .markAllRead: return markAllRead()
        case .toggleUnreadOnly: return toggleUnreadOnly()
        case .chooseCategory: return [.loadCategories]
        case .refreshFeeds: return refreshFeeds()
        case .startSearch:
            overlay = .search(SearchPrompt(query.search ?? ""))
            return []
        case .toggleStar: return toggleStar()
        case .openInBrowser: return openInBrowser()
        case .showHelp:
            overlay = .help(HelpScreen())
            return []
        case .toggleFullScreen: return toggleFullScreen()
        case .showLinks: return showLinks()
        case .showEnclosures: return showEnclosures()
        case .countDigit, .clearCount: return []
        case .quit: return focus == .article ? backToList() : [.quit]
        case .cancel: return clearSearchOrGoBack()
        case .mouse(let event): return mouse(event)
        case .deleteArticle: return deleteArticle()
        case .undoDelete: return undoDelete()
        // A window's keys with no window open (a late key press): nothing to do.
        case .menu, .prompt, .confirm: return []
        // Not commands: `update` hands these to `receive`.
        case .resized, .headlinesLoaded, .articleLoaded, .categoriesLoaded, .fetchProgress, .fetchFinished,
             .unreadFound, .storeChanged, .failed, .notice, .storeReadOnly, .storeDamaged, .tick, .syncBacklog:
            return []
        }
    }

    private mutating func toggleUnreadOnly() -> [Effect] {
        query.unreadOnly.toggle()
        message = text.showing(unreadOnly: query.unreadOnly)
        return reload(keepingSelection: true)
    }

    private mutating func refreshFeeds() -> [Effect] {
        guard fetchProgress == nil else { message = text.alreadyFetching; return [] }
        fetchProgress = text.fetchStarting
        return [.fetchFeeds]
    }

    private mutating func clearSearchOrGoBack() -> [Effect] {
        // Esc leaves a saved query for every article, as it leaves a search.
        if savedQueryName != nil {
            savedQueryName = nil
            query = HeadlineQuery(unreadOnly: query.unreadOnly)
            return reload(keepingSelection: true)
        }
        if query.search != nil {
            query.search = nil
            message = text.searchCleared
            return reload(keepingSelection: true)
        }
        if focus == .article { focus = .list }
        return []
    }
}
