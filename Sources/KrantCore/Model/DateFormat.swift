/// A user's date pattern for the headline list, in strftime's notation:
/// `%Y` `%y` `%m` `%d` `%e` `%b` `%B` `%a` `%A` `%H` `%M` `%%`. Names follow
/// the interface's language. A date that lacks a part the pattern needs
/// (many saved articles know only year and month) is written in krant's own
/// short form instead, never with a made-up day.
public struct DateFormat: Hashable, Sendable {
    public let pattern: String

    public static let directives: Set<Character> = ["Y", "y", "m", "d", "e", "b", "B", "a", "A", "H", "M", "%"]

    /// Refuses a pattern with a directive krant does not know.
    public init(pattern: String) throws(DateFormatError) {
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { continue }
            guard let directive = characters.next() else { throw .danglingPercent }
            guard Self.directives.contains(directive) else { throw .unknownDirective("%\(directive)") }
        }
        self.pattern = pattern
    }

    public func format(_ date: PublishedDate, language: Language) -> String? {
        var text = ""
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            guard character == "%", let directive = characters.next() else {
                text.append(character)
                continue
            }
            switch directive {
            case "Y": text += String(date.year)
            case "y": text += DateText.twoDigits(date.year % 100)
            case "m": text += DateText.twoDigits(date.month)
            case "b": text += CalendarWords.shortMonths(language)[max(0, min(11, date.month - 1))]
            case "B": text += CalendarWords.months(language)[max(0, min(11, date.month - 1))]
            case "d", "e", "a", "A":
                guard let day = date.day else { return nil }
                let weekday = CivilDate(year: date.year, month: date.month, day: day).weekday
                switch directive {
                case "d": text += DateText.twoDigits(day)
                case "e": text += day < 10 ? " \(day)" : "\(day)"
                case "a": text += CalendarWords.shortWeekdays(language)[weekday]
                default: text += CalendarWords.weekdays(language)[weekday]
                }
            case "H", "M":
                guard let hour = date.hour, let minute = date.minute else { return nil }
                text += DateText.twoDigits(directive == "H" ? hour : minute)
            default: text.append("%")
            }
        }
        return text
    }
}

public enum DateFormatError: Error, Hashable, Sendable {
    case unknownDirective(String)
    case danglingPercent
}
