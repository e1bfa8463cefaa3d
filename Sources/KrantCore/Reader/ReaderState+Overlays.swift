/// Keys in an open window. Each window updates its own state; what its
/// outcome means for the reader (a jump, another view, a search, marking
/// read) is decided here. A window swallows every other command, so a key
/// meant for the list cannot act behind it.
extension ReaderState {
    mutating func updateOverlay(_ action: Action) -> [Effect] {
        switch (overlay, action) {
        case (.help(var help), .menu(let key)):
            let bindings = Self.helpBindings.count
            overlay = help.update(key, lines: bindings, visibleRows: helpVisibleRows) ? .help(help) : .none
            return []
        case (.outline(var menu), .menu(let key)):
            switch menu.update(key, page: overlayVisibleRows(menu.entries.count)) {
            case .open: overlay = .outline(menu)
            case .chosen(let entry):
                overlay = .none
                jump(to: entry)
            case .closed: overlay = .none
            }
            return []
        case (.categories(var menu), .menu(let key)):
            switch menu.update(key, page: overlayVisibleRows(menu.entries.count)) {
            case .open:
                overlay = .categories(menu)
                return []
            case .chosen(let entry):
                overlay = .none
                return show(entry)
            case .closed:
                overlay = .none
                return []
            }
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
        case (.confirmMarkAll(let question), .confirm(let answer)):
            overlay = .none
            guard question.update(answer) else { message = "Nothing marked"; return [] }
            return performMarkAllRead()
        default:
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
        }
        focus = .list
        return reload(keepingSelection: false)
    }

    private mutating func search(_ text: String) -> [Effect] {
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
    }
}
