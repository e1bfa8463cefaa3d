/// Keys in an open window. Each window updates its own state; what its
/// outcome means for the reader (a jump, another view, a search, marking
/// read) is decided here. A window swallows every other command, so a key
/// meant for the list cannot act behind it.
extension ReaderState {
    mutating func updateOverlay(_ action: Action) -> [Effect] {
        switch (overlay, action) {
        case (.help(var help), .menu(let key)):
            let bindings = helpBindings.count
            overlay = help.update(key, lines: bindings, visibleRows: helpVisibleRows) ? .help(help) : .none
            return []
        case (.outline(var menu), .menu(let key)):
            let outcome = menu.update(key, page: overlayVisibleRows(menu.entries.count))
            return close(.outline(menu), after: outcome) { state, entry in
                state.jump(to: entry)
                return []
            }
        case (.categories(var menu), .menu(let key)):
            let outcome = menu.update(key, page: overlayVisibleRows(menu.entries.count))
            return close(.categories(menu), after: outcome) { state, entry in state.show(entry) }
        case (.links(var menu), .menu(let key)):
            let outcome = menu.update(key, page: overlayVisibleRows(menu.entries.count))
            return close(.links(menu), after: outcome) { state, entry in state.open(entry) }
        case (.enclosures(var menu), .menu(let key)):
            let outcome = menu.update(key, page: overlayVisibleRows(menu.entries.count))
            return close(.enclosures(menu), after: outcome) { state, entry in state.open(entry) }
        case (.search(var prompt), .prompt(let key)):
            switch prompt.update(key) {
            case .editing:
                overlay = .search(prompt)
                return []
            case .submitted(let text):
                overlay = .none
                return search(text)
            case .cancelled:
                overlay = .none
                return []
            }
        case (.confirmMarkAll, .confirm(let yes)):
            overlay = .none
            guard yes else { message = text.nothingMarked; return [] }
            return performMarkAllRead()
        case (_, .mouse(let event)):
            return mouseOverOverlay(event)
        default:
            return []
        }
    }

    /// A menu after a key: still open (with its highlight moved), closed, or
    /// closed with an entry chosen, which `chosen` acts on.
    private mutating func close<Entry>(_ stillOpen: Overlay, after outcome: Menu<Entry>.Outcome,
                                       chosen: (inout ReaderState, Entry) -> [Effect]) -> [Effect] {
        switch outcome {
        case .open:
            overlay = stillOpen
            return []
        case .chosen(let entry):
            overlay = .none
            return chosen(&self, entry)
        case .closed:
            overlay = .none
            return []
        }
    }

    /// The chooser's choice: that view, from its top.
    private mutating func show(_ entry: ChooserEntry) -> [Effect] {
        switch entry.kind {
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
        case .saved(let name, let saved):
            query = saved
            savedQueryName = name
            focus = .list
            return reload(keepingSelection: false)
        }
        // Another view leaves a saved query's search, feed and age behind.
        if savedQueryName != nil {
            query.search = nil
            query.starredOnly = false
            savedQueryName = nil
        }
        query.feedName = nil
        query.maxAgeSeconds = nil
        focus = .list
        return reload(keepingSelection: false)
    }

    private mutating func search(_ text: String) -> [Effect] {
        let words = Sanitizer.cleanLine(text)
        // A malformed search is said, not run: it would list nothing, or
        // (without a word) everything for A to mark.
        if !words.isEmpty {
            do {
                _ = try SearchParser.parse(words)
            } catch {
                message = self.text.searchError(error)
                return []
            }
        }
        query.search = words.isEmpty ? nil : words
        savedQueryName = nil
        focus = .list
        return reload(keepingSelection: false)
    }
}
