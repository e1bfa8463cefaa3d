/// A saved article's own time words ("eergisteren, 22:05") as the
/// interface writes them: kept in Dutch, and in English said in English
/// ("the day before yesterday, 22:05"), since dates follow the interface's
/// language. The day they count from is the day the page was saved, which
/// the words leave unsaid in either language. Words krant cannot read stay
/// as they are.
public enum WhenText {
    /// For the article's byline.
    public static func long(_ text: String, language: Language) -> String {
        guard language == .english, let expression = parsed(text) else { return text }
        let day: String
        switch expression.day {
        case .daysAgo(0): day = "today"
        case .daysAgo(1): day = "yesterday"
        case .daysAgo(2): day = "the day before yesterday"
        case .daysAgo(let days): day = "\(days) days before"
        case .weekday(let weekday): day = CalendarWords.weekdays(.english)[weekday]
        case .date(let year, let month, let dayNumber):
            day = "\(dayNumber) \(CalendarWords.shortMonths(.english)[month - 1])" + (year.map { " \($0)" } ?? "")
        }
        return day + time(expression, separator: ", ")
    }

    /// For the headline list's 12-column date: as short as English allows.
    public static func short(_ text: String, language: Language) -> String {
        guard language == .english, let expression = parsed(text) else { return text }
        let day: String
        switch expression.day {
        case .daysAgo(0): day = "today"
        case .daysAgo(1): day = "yest."
        case .daysAgo(let days): day = "\(days)d ago"
        case .weekday(let weekday): day = CalendarWords.shortWeekdays(.english)[weekday]
        case .date(_, let month, let dayNumber): day = "\(dayNumber) \(CalendarWords.shortMonths(.english)[month - 1])"
        }
        return day + time(expression, separator: " ")
    }

    private static func parsed(_ text: String) -> WhenExpression? {
        guard let (expression, rest) = WhenExpression.parsePrefix(Substring(text)),
              rest.allSatisfy({ $0 == " " }) else { return nil }
        return expression
    }

    private static func time(_ expression: WhenExpression, separator: String) -> String {
        guard let hour = expression.hour, let minute = expression.minute else { return "" }
        return separator + DateText.twoDigits(hour) + ":" + DateText.twoDigits(minute)
    }
}
