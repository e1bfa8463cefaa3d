/// A Dutch publication time as a news site writes it: "vandaag, 11:29",
/// "gisteren, 22:05", "zaterdag, 10:00", "12 mei 2024, 08:15".
public struct WhenExpression: Hashable, Sendable {
    public enum Day: Hashable, Sendable {
        /// vandaag (0), gisteren (1), eergisteren (2).
        case daysAgo(Int)
        /// A weekday name, 0 = maandag: the most recent such day before the reading day.
        case weekday(Int)
        /// A written date; the year may be left out ("12 mei, 08:15").
        case date(year: Int?, month: Int, day: Int)
    }

    public var day: Day
    public var hour: Int?
    public var minute: Int?
    /// The words as written, e.g. "vandaag, 11:29".
    public var text: String

    /// Reads a time expression at the start of `input`; returns it and the
    /// text after it (the title, in a byline), or nil if `input` does not start
    /// with one.
    public static func parsePrefix(_ input: Substring) -> (WhenExpression, rest: Substring)? {
        var cursor = WordCursor(input)
        guard let first = cursor.next() else { return nil }
        let firstWord = first.lowercased()
        var day: Day
        if let offset = DutchCalendar.relativeDays[firstWord] {
            day = .daysAgo(offset)
        } else if let weekday = DutchCalendar.weekdays.firstIndex(of: firstWord) {
            day = .weekday(weekday)
        } else if let dayNumber = Int(first), (1...31).contains(dayNumber),
                  let monthWord = cursor.next(), let month = DutchCalendar.months[monthWord.lowercased()] {
            var year: Int?
            let beforeYear = cursor
            if let yearWord = cursor.next(), yearWord.count == 4, let value = Int(yearWord) {
                year = value
            } else {
                cursor = beforeYear
            }
            day = .date(year: year, month: month, day: dayNumber)
        } else {
            return nil
        }
        var expression = WhenExpression(day: day, hour: nil, minute: nil, text: "")
        let beforeTime = cursor
        var timeWord = cursor.next()
        if timeWord?.lowercased() == "om" { timeWord = cursor.next() }
        if let timeWord, let (hour, minute) = parseClock(timeWord) {
            expression.hour = hour
            expression.minute = minute
            let beforeUur = cursor
            if cursor.next()?.lowercased() != "uur" { cursor = beforeUur }
        } else {
            cursor = beforeTime
        }
        let consumed = input[input.startIndex..<cursor.position]
        expression.text = String(consumed.trimmingSuffix { $0 == " " || $0 == "," })
        return (expression, cursor.remainder)
    }

    /// Turns the expression into a date. `readingDay` is the day the article
    /// was saved (relative words count back from it); `yearMonth` is the
    /// article's own year and month, when its metadata gives one. When the two
    /// disagree the metadata wins and the day stays unknown rather than guessed.
    public func resolve(readingDay: CivilDate?, yearMonth: (year: Int, month: Int)?) -> PublishedDate? {
        var resolvedDay: CivilDate?
        switch day {
        case .date(let year?, let month, let dayNumber):
            resolvedDay = CivilDate(year: year, month: month, day: dayNumber)
        case .date(nil, let month, let dayNumber):
            if let year = yearMonth?.year ?? readingDay?.year {
                var date = CivilDate(year: year, month: month, day: dayNumber)
                if yearMonth == nil, let readingDay, readingDay < date { date.year -= 1 }
                resolvedDay = date
            }
        case .daysAgo(let offset):
            resolvedDay = readingDay?.adding(days: -offset)
        case .weekday(let weekday):
            if let readingDay {
                let back = (readingDay.weekday - weekday + 7) % 7
                resolvedDay = readingDay.adding(days: -(back == 0 ? 7 : back))
            }
        }
        if let resolved = resolvedDay {
            let isAbsolute = if case .date = day { true } else { false }
            let agrees = yearMonth.map { $0.year == resolved.year && $0.month == resolved.month } ?? true
            if isAbsolute || agrees {
                return PublishedDate(year: resolved.year, month: resolved.month, day: resolved.day,
                                     hour: hour, minute: minute)
            }
        }
        guard let yearMonth else { return nil }
        return PublishedDate(year: yearMonth.year, month: yearMonth.month, hour: hour, minute: minute)
    }

    /// "11:29", "9.05" → (11, 29), (9, 5).
    static func parseClock(_ word: Substring) -> (Int, Int)? {
        let trimmed = word.trimmingSuffix { $0 == "," }
        guard let separator = trimmed.firstIndex(where: { $0 == ":" || $0 == "." }),
              let hour = Int(trimmed[..<separator]), (0...23).contains(hour) else { return nil }
        let minuteText = trimmed[trimmed.index(after: separator)...]
        guard minuteText.count == 2, let minute = Int(minuteText), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}

/// Walks space-separated words, ignoring a comma glued to a word's end.
private struct WordCursor {
    let text: Substring
    private(set) var position: Substring.Index

    init(_ text: Substring) {
        self.text = text
        self.position = text.startIndex
    }

    var remainder: Substring { text[position...].drop(while: { $0 == " " }) }

    mutating func next() -> Substring? {
        var start = position
        while start < text.endIndex, text[start] == " " { start = text.index(after: start) }
        guard start < text.endIndex else { return nil }
        var end = start
        while end < text.endIndex, text[end] != " " { end = text.index(after: end) }
        position = end
        let word = text[start..<end]
        return word.last == "," ? word.dropLast() : word
    }
}

extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}

extension StringProtocol {
    func trimmingSuffix(_ predicate: (Character) -> Bool) -> Substring {
        Substring(self).trimmingSuffix(while: predicate)
    }
}
