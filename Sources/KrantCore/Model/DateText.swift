/// How dates are written on screen. Only known parts are shown: an article
/// that says "vandaag, 11:29" under a June 2024 photo is "2024-06 11:29",
/// never a made-up day.
public enum DateText {
    /// Sortable, fixed-order form for the command line: `2024-06-19 11:29`.
    public static func list(_ date: PublishedDate) -> String {
        var text = date.iso8601.prefix(10).description
        if let hour = date.hour, let minute = date.minute {
            text += " " + twoDigits(hour) + ":" + twoDigits(minute)
        }
        return text
    }

    /// Short form for a headline row: `19 Jun 11:29`, `Jun 2024` style
    /// (month names in the interface's language).
    public static func short(_ date: PublishedDate, language: Language = .english) -> String {
        let month = CalendarWords.shortMonths(language)[max(0, min(11, date.month - 1))]
        guard let day = date.day else { return "\(month) \(date.year)" }
        if let hour = date.hour, let minute = date.minute {
            return "\(day) \(month) \(twoDigits(hour)):\(twoDigits(minute))"
        }
        return "\(day) \(month) \(date.year)"
    }

    /// The byline form when an article has no time text of its own (feed
    /// items): `19 Jun 2024, 11:29`, or as much of it as is known.
    public static func long(_ date: PublishedDate, language: Language = .english) -> String {
        let month = CalendarWords.shortMonths(language)[max(0, min(11, date.month - 1))]
        var text = date.day.map { "\($0) \(month) \(date.year)" } ?? "\(month) \(date.year)"
        if let hour = date.hour, let minute = date.minute { text += ", \(twoDigits(hour)):\(twoDigits(minute))" }
        return text
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
