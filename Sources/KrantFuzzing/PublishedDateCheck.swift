import KrantCore

/// A publication date must be one a calendar has: it is written to the store
/// and to `show --json` as ISO 8601, and sorted as text.
enum PublishedDateCheck {
    static func run(_ date: PublishedDate, _ check: inout InvariantCheck) {
        let text = date.iso8601
        check.expect((1...9999).contains(date.year), "the publication year is out of range: \(text)")
        check.expect((1...12).contains(date.month), "the publication month is out of range: \(text)")
        if let day = date.day {
            let civil = CivilDate(year: date.year, month: date.month, day: day)
            check.expect(CivilDate(daysSinceEpoch: civil.daysSinceEpoch) == civil,
                         "the publication day does not exist: \(text)")
        }
        if let hour = date.hour { check.expect((0...23).contains(hour), "the publication hour is out of range: \(text)") }
        if let minute = date.minute {
            check.expect((0...59).contains(minute), "the publication minute is out of range: \(text)")
        }
        check.expect((date.hour == nil) == (date.minute == nil), "the publication time is half known: \(text)")
    }
}
