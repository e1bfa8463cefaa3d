/// One row of the headline list: unread and star marks, date, source, title,
/// clipped to the width by display columns so CJK and emoji titles keep the
/// columns aligned.
public enum HeadlineRow {
    static let dateWidth = 12
    static let sourceWidth = 12

    public static func line(for headline: Headline, width: Int) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        let titleRole: StyleRole = headline.isRead ? .normal : .unread
        var spans = [StyledSpan((headline.isRead ? " " : "N") + (headline.isStarred ? "*" : " ") + " ", titleRole)]
        var remaining = width - 3
        if width >= 40 {
            let date = headline.published.map(DateText.short) ?? headline.when ?? ""
            spans.append(StyledSpan(TextWrapper.pad(date, width: dateWidth) + " ", .dim))
            remaining -= dateWidth + 1
        }
        if width >= 72 {
            spans.append(StyledSpan(TextWrapper.pad(headline.source ?? "", width: sourceWidth) + " ", .dim))
            remaining -= sourceWidth + 1
        }
        if remaining > 0 {
            spans.append(StyledSpan(TextWrapper.pad(headline.title, width: remaining), titleRole))
        }
        return StyledLine(spans)
    }
}
