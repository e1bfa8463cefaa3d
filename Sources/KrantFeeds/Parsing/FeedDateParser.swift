import Foundation
import KrantCore

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

    /// Seconds since 1970 for a proleptic Gregorian civil date and time (UTC).
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    static func isValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
        guard (1...12).contains(month), (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second) else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...monthDays[month - 1]).contains(day)
    }
}
