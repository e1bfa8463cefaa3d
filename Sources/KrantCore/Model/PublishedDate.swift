/// When an article was published, as precisely as its source tells.
///
/// Saved NOS pages say "vandaag, 11:29" and carry only a year and month, so
/// the day (and sometimes the clock time) may be unknown. Rather than invent
/// a day, the unknown parts stay `nil` and every consumer (JSON, sorting, the
/// headline list) shows only what is known.
public struct PublishedDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int?
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int, day: Int? = nil, hour: Int? = nil, minute: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// ISO 8601 at the precision that is known: `2024-06-19T11:29:00` when the
    /// day is known, `2024-06` (reduced precision) when it is not.
    public var iso8601: String {
        let yearMonth = "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        guard let day else { return yearMonth }
        let date = "\(yearMonth)-\(Self.pad(day, 2))"
        guard let hour, let minute else { return date }
        return "\(date)T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):00"
    }

    /// A string that sorts chronologically; an unknown day sorts before the
    /// first of the month and an unknown time before midnight.
    public var sortKey: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day ?? 0, 2))T"
            + (hour.map { Self.pad($0, 2) } ?? "--") + ":" + (minute.map { Self.pad($0, 2) } ?? "--")
    }

    /// Parses what `iso8601` writes (and a full ISO timestamp with seconds).
    public init?(iso8601 text: String) {
        let parts = text.split(separator: "T", maxSplits: 1)
        let date = parts[0].split(separator: "-").map { Int($0) }
        guard date.count >= 2, let year = date[0], let month = date[1] else { return nil }
        self.init(year: year, month: month, day: date.count > 2 ? date[2] : nil)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":").map { Int($0) }
            if time.count >= 2 { hour = time[0]; minute = time[1] }
        }
    }

    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool { lhs.sortKey < rhs.sortKey }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
