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
    /// From this width on the list and the article stand side by side.
    public static let sideBySideWidth = 140

    public var list: Rect?
    public var article: Rect?
    /// The line between list and article: a row when stacked, a column when side by side.
    public var divider: Rect?
    public var status: Rect
    public var isTooSmall: Bool
    public var isSideBySide: Bool

    public init(width: Int, height: Int, fullScreenArticle: Bool) {
        status = Rect(x: 0, y: max(0, height - 1), width: max(0, width), height: height > 0 ? 1 : 0)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        isSideBySide = !isTooSmall && width >= Self.sideBySideWidth && !fullScreenArticle
        guard !isTooSmall else { return }
        let contentHeight = height - 1
        if fullScreenArticle {
            article = Rect(x: 0, y: 0, width: width, height: contentHeight)
        } else if isSideBySide {
            let listWidth = width * 2 / 5
            list = Rect(x: 0, y: 0, width: listWidth, height: contentHeight)
            divider = Rect(x: listWidth, y: 0, width: 1, height: contentHeight)
            article = Rect(x: listWidth + 1, y: 0, width: width - listWidth - 1, height: contentHeight)
        } else {
            let listHeight = max(1, contentHeight * 2 / 5)
            list = Rect(x: 0, y: 0, width: width, height: listHeight)
            divider = Rect(x: 0, y: listHeight, width: width, height: 1)
            article = Rect(x: 0, y: listHeight + 1, width: width, height: contentHeight - listHeight - 1)
        }
    }

    /// The width article text wraps at inside the article pane: one column of
    /// margin on each side when there is room for it.
    public var articleTextWidth: Int {
        guard let article else { return 0 }
        return article.width >= 24 ? article.width - 2 : article.width
    }

    public var articleTextX: Int {
        guard let article else { return 0 }
        return article.width >= 24 ? article.x + 1 : article.x
    }
}
