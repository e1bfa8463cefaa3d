/// One row of the headline list: unread and star marks, the configured
/// columns (date, source), title, clipped to the width by display columns
/// so CJK and emoji titles keep the columns aligned.
public enum HeadlineRow {
    static let sourceWidth = 12
    /// The title keeps at least this many columns: the other columns give
    /// way first, the least useful (source) before the date.
    static let titleMinimum = 24

    public static func line(for headline: Headline, width: Int, settings: LayoutSettings = LayoutSettings(),
                            language: Language = .english) -> StyledLine {
        line(for: headline, width: width, columns: columns(settings, width: width, language: language),
             settings: settings, language: language)
    }

    /// A row with the columns `columns(_:width:language:)` chose, worked out
    /// once per frame: a custom date format's widest date takes 84 dates.
    static func line(for headline: Headline, width: Int, columns: [(column: ListColumn, width: Int)],
                     settings: LayoutSettings, language: Language) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        let titleRole: StyleRole = headline.isRead ? .headline : .unread
        var spans = [StyledSpan((headline.isRead ? " " : "N") + (headline.isStarred ? "*" : " ") + " ", titleRole)]
        var remaining = width - 3
        for (column, columnWidth) in columns {
            switch column {
            case .date:
                let date = headline.published.map { date in
                    settings.dateFormat?.format(date, language: language) ?? DateText.short(date, language: language)
                } ?? headline.when.map { WhenText.short($0, language: language) } ?? ""
                spans.append(StyledSpan(TextWrapper.pad(date, width: columnWidth) + " ", .date))
            case .source:
                spans.append(StyledSpan(TextWrapper.pad(headline.source ?? "", width: columnWidth) + " ", .source))
            }
            remaining -= columnWidth + 1
        }
        if remaining > 0 {
            spans.append(StyledSpan(TextWrapper.pad(headline.title, width: remaining), titleRole))
        }
        return StyledLine(spans)
    }

    /// The configured columns that fit beside a readable title, with their widths.
    static func columns(_ settings: LayoutSettings, width: Int, language: Language) -> [(column: ListColumn, width: Int)] {
        var shown = settings.columns.map { ($0, self.width(of: $0, settings: settings, language: language)) }
        for column in [ListColumn.source, .date] where 3 + titleMinimum + shown.reduce(0, { $0 + $1.1 + 1 }) > width {
            shown.removeAll { $0.0 == column }
        }
        return shown.map { (column: $0.0, width: $0.1) }
    }

    static func width(of column: ListColumn, settings: LayoutSettings, language: Language) -> Int {
        switch column {
        case .source: sourceWidth
        case .date: settings.dateFormat.map { dateWidth($0, language: language) } ?? 12
        }
    }

    /// The widest the pattern writes any date (every month, a two-digit day,
    /// every weekday), so the column never jitters; at most 24 columns.
    static func dateWidth(_ format: DateFormat, language: Language) -> Int {
        var widest = 1
        for month in 1...12 {
            for day in 20...26 {
                let date = PublishedDate(year: 2024, month: month, day: day, hour: 23, minute: 59)
                widest = max(widest, DisplayWidth.of(format.format(date, language: language) ?? ""))
            }
        }
        return min(24, widest)
    }
}
