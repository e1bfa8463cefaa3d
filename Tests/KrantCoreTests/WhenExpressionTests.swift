import Testing
@testable import KrantCore

@Suite struct WhenExpressionTests {
    func parse(_ text: String) -> (WhenExpression, Substring)? {
        WhenExpression.parsePrefix(text[...])
    }

    @Test func relativeDays() throws {
        let (when, rest) = try #require(parse("gisteren, 22:05 Titel hier"))
        #expect(when.day == .daysAgo(1))
        #expect(when.hour == 22 && when.minute == 5)
        #expect(when.text == "gisteren, 22:05")
        #expect(rest == "Titel hier")
        #expect(parse("eergisteren, 07:12 X")?.0.day == .daysAgo(2))
        #expect(parse("Vandaag om 9.30 uur X")?.0.hour == 9)
    }

    @Test func absoluteDates() throws {
        let (when, rest) = try #require(parse("12 mei 2024, 08:15 Titel"))
        #expect(when.day == .date(year: 2024, month: 5, day: 12))
        #expect(rest == "Titel")
        let (noYear, _) = try #require(parse("3 okt, 14:00 Titel"))
        #expect(noYear.day == .date(year: nil, month: 10, day: 3))
        #expect(noYear.resolve(readingDay: CivilDate(year: 2025, month: 1, day: 5), yearMonth: nil)
                == PublishedDate(year: 2024, month: 10, day: 3, hour: 14, minute: 0))
    }

    @Test func weekdaysCountBackFromTheReadingDay() throws {
        let (when, _) = try #require(parse("zondag, 10:00 X"))
        #expect(when.day == .weekday(6))
        // 2024-06-23 is a Sunday: "zondag" then means a week earlier.
        #expect(when.resolve(readingDay: CivilDate(year: 2024, month: 6, day: 23), yearMonth: nil)?.day == 16)
        #expect(when.resolve(readingDay: CivilDate(year: 2024, month: 6, day: 24), yearMonth: nil)?.day == 23)
    }

    @Test func notATime() {
        #expect(parse("Kabinet valt") == nil)
        #expect(parse("12 apen ontsnapt") == nil)
    }

    @Test func civilDateArithmetic() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(daysSinceEpoch: 19_893) == CivilDate(year: 2024, month: 6, day: 19))
        #expect(CivilDate(year: 2024, month: 6, day: 19).weekday == 2)
        #expect(CivilDate(year: 2024, month: 3, day: 1).adding(days: -1) == CivilDate(year: 2024, month: 2, day: 29))
    }
}
