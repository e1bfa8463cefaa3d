/// A rectangle of the screen.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Where the headline list, the article pane and the status bar go for a
/// terminal size. `update` and `render` both use it, so page sizes and what is
/// drawn always agree.
public struct ScreenLayout: Hashable, Sendable {
    /// Below this size the reader only says the terminal is too small.
    public static let minimumWidth = 20
    public static let minimumHeight = 5
    public var list: Rect?
    public var article: Rect?
    /// The line between list and article: a row when stacked, a column when side by side.
    public var divider: Rect?
    public var status: Rect
    public var isTooSmall: Bool
    public var isSideBySide: Bool

    /// The widest the article's text gets, centred in a wider pane.
    public var articleWidthLimit: Int

    public init(width: Int, height: Int, fullScreenArticle: Bool, settings: LayoutSettings = LayoutSettings()) {
        articleWidthLimit = max(20, settings.articleWidth)
        status = Rect(x: 0, y: max(0, height - 1), width: max(0, width), height: height > 0 ? 1 : 0)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        isSideBySide = !isTooSmall && width >= settings.sideBySideWidth && !fullScreenArticle
        guard !isTooSmall else { return }
        let contentHeight = height - 1
        let share = min(90, max(10, settings.listPercent))
        if fullScreenArticle {
            article = Rect(x: 0, y: 0, width: width, height: contentHeight)
        } else if isSideBySide {
            let listWidth = min(width - 21, max(20, width * share / 100))
            list = Rect(x: 0, y: 0, width: listWidth, height: contentHeight)
            divider = Rect(x: listWidth, y: 0, width: 1, height: contentHeight)
            article = Rect(x: listWidth + 1, y: 0, width: width - listWidth - 1, height: contentHeight)
        } else {
            let listHeight = min(contentHeight - 2, max(1, contentHeight * share / 100))
            list = Rect(x: 0, y: 0, width: width, height: listHeight)
            divider = Rect(x: 0, y: listHeight, width: width, height: 1)
            article = Rect(x: 0, y: listHeight + 1, width: width, height: contentHeight - listHeight - 1)
        }
    }

    /// The width article text wraps at inside the article pane: one column of
    /// margin on each side when there is room for it, and no wider than the
    /// readable column the settings ask for.
    public var articleTextWidth: Int {
        guard let article else { return 0 }
        return min(article.width >= 24 ? article.width - 2 : article.width, articleWidthLimit)
    }

    /// Where article text starts: centred in a pane wider than the column.
    public var articleTextX: Int {
        guard let article else { return 0 }
        let margin = article.width >= 24 ? 1 : 0
        return article.x + max(margin, (article.width - articleTextWidth) / 2)
    }
}
