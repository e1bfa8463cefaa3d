extension ReaderState {
    func maxArticleTop(_ reading: Reading) -> Int {
        max(0, reading.layout.lineCount - articleHeight)
    }

    mutating func scrollArticle(by lines: Int) -> [Effect] {
        guard let reading else { return [] }
        let limit = max(maxArticleTop(reading), lines < 0 ? reading.top : 0)
        self.reading?.top = max(0, min(reading.top + lines, limit))
        return []
    }

    mutating func scrollArticleToTop() -> [Effect] {
        reading?.top = 0
        return []
    }

    mutating func scrollArticleToBottom() -> [Effect] {
        if let reading {
            let bottom = maxArticleTop(reading)
            self.reading?.top = bottom
        }
        return []
    }

    /// Re-wraps the open article for the pane's width, keeping the block that
    /// was at the top at the top.
    mutating func relayoutArticle() {
        guard let reading else { return }
        let width = layout.articleTextWidth
        guard width != reading.layout.width, width > 0 else { return }
        let anchor = reading.layout.anchor(ofLine: reading.top)
        let layout = ArticleLayout(article: reading.article, width: width, language: settings.language)
        self.reading = Reading(article: reading.article, layout: layout,
                               top: reading.top == 0 ? 0 : layout.firstLine(of: anchor))
    }

    mutating func toggleFullScreen() -> [Effect] {
        guard reading != nil else { message = openArticleFirst; return [] }
        fullScreenArticle.toggle()
        if fullScreenArticle { focus = .article }
        relayoutArticle()
        return ensureWindow()
    }

    mutating func jump(to landmark: KeyPath<LandmarkLines, [Int]>, forward: Bool, noun: UIText.Landmark) -> [Effect] {
        guard let reading else { message = openArticleFirst; return [] }
        let lines = LandmarkLines(reading)[keyPath: landmark]
        let target = forward ? lines.first { $0 > reading.top } : lines.last { $0 < reading.top }
        guard let target else {
            message = lines.isEmpty ? text.noLandmarks(noun) : text.noLandmark(noun, forward: forward)
            return []
        }
        self.reading?.top = target
        return []
    }

    /// Opens the outline on the landmark being read.
    mutating func showOutline() -> [Effect] {
        guard let reading else { message = openArticleFirst; return [] }
        let entries = OutlineEntry.landmarks(of: reading.article)
        guard !entries.isEmpty else { message = text.noOutline; return [] }
        let current = entries.lastIndex { reading.layout.firstLine(of: $0.anchor) <= reading.top } ?? 0
        overlay = .outline(OutlineMenu(entries: entries, selection: current))
        return []
    }

    /// The outline's choice: the landmark goes to the top of the pane.
    mutating func jump(to entry: OutlineEntry) {
        if let reading { self.reading?.top = reading.layout.firstLine(of: entry.anchor) }
        focus = .article
    }

    mutating func openInBrowser() -> [Effect] {
        guard let article = reading?.article else { message = openArticleFirst; return [] }
        guard let url = article.url else { message = text.noLink; return [] }
        message = text.opening(url)
        return [.openURL(url)]
    }
}
