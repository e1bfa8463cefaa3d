/// Draws the reader state into a cell buffer: headline list, article pane,
/// status bar and any overlay. Pure, so every screen can be a text snapshot.
public enum ReaderRenderer {
    public static func render(_ state: ReaderState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = state.layout
        guard !layout.isTooSmall else {
            drawTooSmall(state.text.terminalTooSmall, into: &buffer)
            return buffer
        }
        if let list = layout.list { drawList(state, in: list, into: &buffer) }
        if let divider = layout.divider { drawDivider(state, in: divider, sideBySide: layout.isSideBySide, into: &buffer) }
        if let article = layout.article { drawArticle(state, in: article, layout: layout, into: &buffer) }
        drawStatus(state, in: layout.status, into: &buffer)
        drawOverlay(state, into: &buffer)
        return buffer
    }

    static func drawTooSmall(_ message: String, into buffer: inout CellBuffer) {
        let lines = TextWrapper.wrap(message, width: buffer.width)
        let first = max(0, (buffer.height - lines.count) / 2)
        for (index, line) in lines.prefix(buffer.height).enumerated() {
            let text = lines.count > buffer.height && index == buffer.height - 1
                ? TextWrapper.truncate(line + "…", width: buffer.width) : line
            buffer.put(text, x: max(0, (buffer.width - DisplayWidth.of(text)) / 2), y: first + index, role: .statusMessage)
        }
    }

    static func drawList(_ state: ReaderState, in area: Rect, into buffer: inout CellBuffer) {
        guard state.page.total > 0 else {
            let text = state.text
            let hint: [String]
            if !state.hasLoaded { hint = [text.loading] }
            else if let search = state.query.search { hint = [text.noMatches(search)] }
            else if state.query.unreadOnly {
                hint = [text.noUnreadArticles(showAllKey: state.keyName(for: .toggleUnreadOnly))]
            }
            else if state.query.category != nil || state.query.feedID != nil { hint = [text.noArticlesHere] }
            else { hint = text.noArticlesYet(refreshKey: state.keyName(for: .refreshFeeds)) }
            // A line that starts with blanks (a command to type) keeps its indent.
            let lines = hint.flatMap { line -> [(indent: Int, text: String)] in
                let indent = line.prefix { $0 == " " }.count
                let wrapped = line.isEmpty ? [""] : TextWrapper.wrap(String(line.dropFirst(indent)),
                                                                    width: max(1, area.width - 2 - indent))
                return wrapped.map { (indent, $0) }
            }
            for (row, line) in lines.prefix(area.height).enumerated() {
                buffer.put(line.text, x: area.x + 1 + line.indent, y: area.y + row, role: .dim,
                           maxWidth: area.width - 1 - line.indent)
            }
            return
        }
        let (layout, language) = (state.settings.layout, state.settings.language)
        let columns = HeadlineRow.columns(layout, width: area.width, language: language)
        for row in 0..<area.height {
            let index = state.listTop + row
            guard index < state.page.total, let headline = state.headline(at: index) else { continue }
            var line = HeadlineRow.line(for: headline, width: area.width, columns: columns, settings: layout,
                                        language: language)
            if index == state.selection {
                let role: StyleRole = headline.isRead ? .selected : .selectedUnread
                line = line.restyled(role)
                buffer.fill(x: area.x, y: area.y + row, width: area.width, height: 1, role: role)
            }
            buffer.put(line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }

    static func drawDivider(_ state: ReaderState, in area: Rect, sideBySide: Bool, into buffer: inout CellBuffer) {
        // A heavy line while the article has the keys, so the focus shows
        // without colour (and a screen reader of the screen can tell too).
        let articleFocused = state.focus == .article && state.reading != nil
        if sideBySide {
            for row in 0..<area.height {
                buffer.put(articleFocused ? "┃" : "│", x: area.x, y: area.y + row, role: .dim)
            }
            return
        }
        buffer.put(String(repeating: articleFocused ? "━" : "─", count: area.width), x: area.x, y: area.y, role: .dim)
        if let reading = state.reading {
            let position = " \(scrollPosition(reading, height: state.articleHeight, text: state.text)) "
            buffer.put(position, x: area.x + max(0, area.width - DisplayWidth.of(position) - 2), y: area.y, role: .dim)
        }
    }

    /// "Top", "Bot", "All" or a percentage, as less and vim show it.
    static func scrollPosition(_ reading: ReaderState.Reading, height: Int, text: UIText) -> String {
        let count = reading.layout.lineCount
        if count <= height { return text.wholeArticleShown }
        if reading.top == 0 { return text.atTop }
        if reading.top + height >= count { return text.atBottom }
        return "\(reading.top * 100 / max(1, count - height))%"
    }

    static func drawArticle(_ state: ReaderState, in area: Rect, layout: ScreenLayout, into buffer: inout CellBuffer) {
        guard let reading = state.reading else {
            let hint = state.page.total > 0
                ? state.text.readHint(openKey: state.keyName(for: .open), helpKey: state.keyName(for: .showHelp)) : ""
            for (row, line) in TextWrapper.wrap(hint, width: max(1, area.width - 2)).prefix(area.height).enumerated() {
                buffer.put(line, x: area.x + 1, y: area.y + row, role: .dim, maxWidth: area.width - 1)
            }
            return
        }
        // Only the lines on screen are made: a long article is never wrapped whole.
        let lines = reading.layout.lines(in: reading.top..<(reading.top + max(0, area.height)))
        for (row, line) in lines.enumerated() {
            buffer.put(line, x: layout.articleTextX, y: area.y + row,
                       maxWidth: area.width - (layout.articleTextX - area.x))
        }
    }

    static func drawStatus(_ state: ReaderState, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0 else { return }
        buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, role: .statusBar)
        let text = state.text
        switch state.overlay {
        case .search(let prompt):
            let used = buffer.put(text.searchPrompt + prompt.text, x: area.x, y: area.y, role: .statusBar,
                                  maxWidth: area.width - 1)
            buffer.put(" ", x: area.x + used, y: area.y, role: .selected)
            return
        case .confirmMarkAll(let question):
            let yes = state.keyName(for: .confirm(true), in: .confirmation) ?? ""
            let no = state.keyName(for: .confirm(false), in: .confirmation) ?? ""
            buffer.put(text.markAllQuestion(question.count, yes: yes, no: no), x: area.x, y: area.y, role: .statusMessage)
            return
        default:
            break
        }
        let counts = state.query.search != nil
            ? text.results(state.page.total, unread: state.page.unread)
            : text.unread(state.page.unread, of: state.page.total)
        var left = " \(state.viewName) · \(counts)"
        if state.storeIsReadOnly { left += " · " + text.readOnly }
        if let waiting = state.offlineMarks { left += " · " + text.offlineMarksWaiting(waiting) }
        if state.page.unsearched > 0 { left += " · " + text.notIndexedYet(state.page.unsearched) }
        if let section = state.currentSection { left += " · § " + section }
        let helpHint = text.helpHint(key: state.keyName(for: .showHelp))
        let count = state.countPrefix.map { text.countTyped($0, openKey: state.keyName(for: .showOutline)) }
        let right = count ?? state.message ?? state.fetchProgress ?? state.storeDamage
            ?? [state.lastFetchLine, helpHint].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        // The view and its counts keep their whole width, up to half the bar
        // (at least 24 columns), however long the message; a column stays
        // blank between the two, so a message never runs into the counts
        // ("799 unread of 800Store error").
        let leftReserve = min(DisplayWidth.of(left) + 1, max(24, area.width / 2))
        let rightWidth = min(DisplayWidth.of(right) + 1, max(0, area.width - leftReserve))
        let leftWidth = area.width - rightWidth - (rightWidth > 1 ? 1 : 0)
        buffer.put(TextWrapper.truncate(left, width: leftWidth), x: area.x, y: area.y, role: .statusBar)
        if rightWidth > 1 {
            let text = TextWrapper.truncate(right, width: rightWidth - 1)
            let isWarning = count == nil && (state.message != nil || (state.fetchProgress == nil && state.storeDamage != nil))
            buffer.put(text, x: area.x + area.width - DisplayWidth.of(text) - 1, y: area.y,
                       role: isWarning ? .statusMessage : .statusBar)
        }
    }

    static func drawOverlay(_ state: ReaderState, into buffer: inout CellBuffer) {
        overlayBox(state)?.draw(into: &buffer, area: overlayArea(state))
    }

    /// Where the open window is drawn and which line is where; nil when none
    /// is open or it lives in the status bar. A mouse click is resolved by
    /// it, so it must be this same box.
    static func overlayPlacement(_ state: ReaderState) -> OverlayPlacement? {
        overlayBox(state)?.placement(in: overlayArea(state))
    }

    /// A window may cover everything but the status bar.
    static func overlayArea(_ state: ReaderState) -> Rect {
        Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 1))
    }

    static func overlayBox(_ state: ReaderState) -> OverlayBox? {
        let text = state.text
        switch state.overlay {
        case .help(let help):
            let keyWidth = 14
            let lines = state.helpBindings.map { binding in
                let keys = binding.keys.isEmpty ? "–" : binding.keys.map(text.key).joined(separator: ", ")
                return StyledLine([StyledSpan(TextWrapper.pad(keys, width: keyWidth) + " ", .overlayTitle),
                                   StyledSpan(text.help(for: binding), .overlay)])
            }
            return OverlayBox(title: text.helpTitle, lines: lines, selection: nil, top: help.top, preferredWidth: 72)
        case .outline(let menu):
            let lines = menu.entries.map { entry in
                switch entry.kind {
                case .leadCaption: StyledLine([StyledSpan("▣ ", .captionCredit), StyledSpan(entry.label, .captionText)])
                case .section: StyledLine([StyledSpan("§ " + entry.label, .section)])
                case .caption: StyledLine([StyledSpan("│ ", .captionCredit), StyledSpan(entry.label, .captionText)])
                }
            }
            return OverlayBox(title: text.outlineTitle, lines: lines, selection: menu.selection, top: 0,
                              preferredWidth: 72)
        case .categories(let menu):
            let lines = menu.entries.map { entry in
                StyledLine([StyledSpan(TextWrapper.pad(entry.label(in: text.language), width: 24), .overlay),
                            StyledSpan(" " + text.unread(entry.unread, of: entry.total), .overlay)])
            }
            // Wide enough for the longest counts ("1000000 unread of 1000000"
            // would otherwise lose its last digits to the frame).
            let widest = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
            return OverlayBox(title: text.chooserTitle, lines: lines, selection: menu.selection, top: 0,
                              preferredWidth: max(50, widest + 3))
        case .links(let menu):
            return OverlayBox(title: text.linksHeading, lines: linkLines(menu.entries, width: state.width),
                              selection: menu.selection, top: 0, preferredWidth: linksWidth)
        case .enclosures(let menu):
            return OverlayBox(title: text.enclosuresHeading, lines: enclosureLines(menu.entries, text: text),
                              selection: menu.selection, top: 0, preferredWidth: linksWidth)
        case .none, .search, .confirmMarkAll:
            return nil
        }
    }
}
