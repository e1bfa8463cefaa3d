/// The shape of the reader's screen, as a config file sets it.
public struct LayoutSettings: Hashable, Sendable {
    /// From this width on the list and the article stand side by side.
    public var sideBySideWidth: Int
    /// The list's share of the screen, in percent (of the width side by
    /// side, of the height stacked).
    public var listPercent: Int
    /// The widest article text: a readable column, centred in a wider pane.
    public var articleWidth: Int
    /// The list's columns besides the title, in the order shown.
    public var columns: [ListColumn]
    /// The headline list's dates: nil for krant's own short form.
    public var dateFormat: DateFormat?
    /// Whether the reader starts on the unread articles only.
    public var startUnreadOnly: Bool

    public init(sideBySideWidth: Int = 140, listPercent: Int = 40, articleWidth: Int = 80,
                columns: [ListColumn] = [.date, .source], dateFormat: DateFormat? = nil, startUnreadOnly: Bool = false) {
        self.sideBySideWidth = sideBySideWidth
        self.listPercent = listPercent
        self.articleWidth = articleWidth
        self.columns = columns
        self.dateFormat = dateFormat
        self.startUnreadOnly = startUnreadOnly
    }
}

/// A column of the headline list besides the marks and the title.
public enum ListColumn: String, Hashable, Sendable, CaseIterable {
    case date
    case source
}
