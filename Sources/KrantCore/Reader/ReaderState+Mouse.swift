/// The mouse. A click or a turn of the wheel acts on what is drawn under it,
/// found by the geometry the renderer draws by (`ScreenLayout` for the panes,
/// `OverlayPlacement` for a window), so it lands where the reader sees it.
/// Like a key, it goes to the open window if there is one.
extension ReaderState {
    /// Lines (or headlines) one turn of the wheel scrolls: what less, vim and
    /// most terminal programs scroll.
    static let wheelLines = 3

    /// A click selects a headline and gives the list the keys; a click on
    /// the headline already selected there opens it, as Enter does. A click
    /// in the article gives it the keys. The wheel scrolls the pane under
    /// the pointer and leaves the keys where they were.
    mutating func mouse(_ event: MouseEvent) -> [Effect] {
        let layout = self.layout
        guard !layout.isTooSmall else { return [] }
        if let list = layout.list, list.contains(x: event.x, y: event.y) {
            return mouse(event, onListRow: event.y - list.y)
        }
        guard let article = layout.article, article.contains(x: event.x, y: event.y) else { return [] }
        switch event.kind {
        case .click:
            if reading != nil { focus = .article }
            return []
        case .wheelUp: return scrollArticle(by: -Self.wheelLines)
        case .wheelDown: return scrollArticle(by: Self.wheelLines)
        }
    }

    private mutating func mouse(_ event: MouseEvent, onListRow row: Int) -> [Effect] {
        switch event.kind {
        case .wheelUp: return scrollList(by: -Self.wheelLines)
        case .wheelDown: return scrollList(by: Self.wheelLines)
        case .click:
            let index = listTop + row
            // Below the last headline there is nothing to select.
            guard index < page.total else { return [] }
            // The first click on the selected headline, while the article
            // has the keys, only takes them back: opening again would
            // scroll the article being read to its top.
            if index == selection && focus == .list { return openSelected() }
            focus = .list
            return select(index)
        }
    }

    /// The wheel moves the headlines, not the selection: it only moves as
    /// far as it must to stay on screen, since the list always shows it.
    mutating func scrollList(by rows: Int) -> [Effect] {
        let height = max(1, listHeight)
        listTop = max(0, min(listTop + rows, page.total - height))
        return select(min(max(selection, listTop), listTop + height - 1))
    }

    /// A click on a menu's entry chooses it; a click outside a window closes
    /// it (the click does nothing else, so a click meant to dismiss cannot
    /// also select a headline behind it). The wheel over a window scrolls it.
    mutating func mouseOverOverlay(_ event: MouseEvent) -> [Effect] {
        guard !layout.isTooSmall else { return [] }
        guard let placement = ReaderRenderer.overlayPlacement(self) else { return mouseOutsideStatusPrompt(event) }
        let inside = placement.box.contains(x: event.x, y: event.y)
        switch event.kind {
        case .click:
            guard inside else { return updateOverlay(.menu(.close)) }
            guard let line = placement.line(atX: event.x, y: event.y) else { return [] }
            switch overlay {
            case .outline(var menu):
                menu.selection = line
                overlay = .outline(menu)
            case .categories(var menu):
                menu.selection = line
                overlay = .categories(menu)
            case .links(var menu):
                menu.selection = line
                overlay = .links(menu)
            case .enclosures(var menu):
                menu.selection = line
                overlay = .enclosures(menu)
            default:
                // Help's lines are not choices.
                return []
            }
            return updateOverlay(.menu(.choose))
        case .wheelUp, .wheelDown:
            guard inside else { return [] }
            let step: MenuAction = event.kind == .wheelUp ? .up : .down
            // Help scrolls as the article does; a menu's window follows its
            // highlight, which moves one entry a turn so none is skipped.
            let turns: Int
            if case .help = overlay { turns = Self.wheelLines } else { turns = 1 }
            var effects: [Effect] = []
            for _ in 0..<turns { effects += updateOverlay(.menu(step)) }
            return effects
        }
    }

    /// The search prompt and the mark-all question live in the status bar:
    /// a click elsewhere answers as Esc does (the search stays as it was,
    /// nothing is marked).
    private mutating func mouseOutsideStatusPrompt(_ event: MouseEvent) -> [Effect] {
        guard event.kind == .click, !layout.status.contains(x: event.x, y: event.y) else { return [] }
        switch overlay {
        case .search: return updateOverlay(.prompt(.cancel))
        case .confirmMarkAll: return updateOverlay(.confirm(false))
        default: return []
        }
    }
}
