import Foundation

/// Parses the dates feeds write: RFC 822/1123 with its real-world variants
/// and RFC 3339 / ISO 8601. A hand-written scanner over bytes, because
/// `DateFormatter` is slow on Linux and locale-dependent, and a feed import
/// parses tens of thousands of dates.
public enum FeedDateParser {
    /// The date, or nil when the text is neither form (or names an impossible date).
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = DateScanner(bytes)
            scanner.skipSpaces()
            if scanner.peekIsDigit, let date = scanner.iso8601() { return date }
            var rfcScanner = DateScanner(bytes)
            return rfcScanner.rfc822()
        }
    }

    /// Seconds since 1970 for a proleptic Gregorian civil date (Howard Hinnant's algorithm).
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Civil date of a day count since 1970 (inverse of `epochSeconds`).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
        guard (1...12).contains(month), (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second) else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...monthDays[month - 1]).contains(day)
    }
}
