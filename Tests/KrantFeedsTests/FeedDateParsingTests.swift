import Foundation
import KrantFeeds
import Testing

@Suite struct FeedDateParsingTests {
    private static let reference = ParsingFixtures.utc(2024, 6, 19, 9, 29, 5)

    @Test(arguments: [
        "Wed, 19 Jun 2024 09:29:05 +0000",
        "Wed, 19 Jun 2024 09:29:05 GMT",
        "Wed, 19 Jun 2024 09:29:05 UTC",
        "Wed, 19 Jun 2024 09:29:05 UT",
        "Wed, 19 Jun 2024 09:29:05 Z",
        "19 Jun 2024 09:29:05 +0000",
        "Wed,19 Jun 2024 09:29:05 GMT",
        "Wednesday, 19 June 2024 09:29:05 GMT",
        "Wed, 19 Jun 24 09:29:05 GMT",
        "Wed, 19 Jun 2024 11:29:05 +0200",
        "Wed, 19 Jun 2024 11:29:05 +02:00",
        "Wed, 19 Jun 2024 11:29:05 CEST",
        "Wed, 19 Jun 2024 10:29:05 CET",
        "Wed, 19 Jun 2024 05:29:05 EDT",
        "Wed, 19 Jun 2024 04:29:05 EST",
        "Wed, 19 Jun 2024 04:29:05 -0500",
        "  Wed, 19 Jun 2024 09:29:05 GMT\n",
        "Wed, 19-Jun-2024 09:29:05 GMT",
        "Wed, 19 jun 2024 09:29:05 gmt",
        "wo, 19 mei 2024 09:29:05 GMT".replacingOccurrences(of: "mei", with: "jun"),
        "Wed, 19 Jun 2024 09:29:05",
    ])
    func rfc822Variants(_ text: String) {
        #expect(FeedDateParser.parse(text) == Self.reference, "\(text)")
    }

    @Test func rfc822WithoutSecondsOrWithSingleDigitDay() {
        #expect(FeedDateParser.parse("Wed, 19 Jun 2024 09:29 GMT") == ParsingFixtures.utc(2024, 6, 19, 9, 29))
        #expect(FeedDateParser.parse("Tue, 4 Jun 2024 09:29:05 +0000") == ParsingFixtures.utc(2024, 6, 4, 9, 29, 5))
        #expect(FeedDateParser.parse("4 Jun 99 23:59:59 GMT") == ParsingFixtures.utc(1999, 6, 4, 23, 59, 59))
        #expect(FeedDateParser.parse("Sun, 19 May 2024 09:29:05 GMT (CET)") == ParsingFixtures.utc(2024, 5, 19, 9, 29, 5))
        #expect(FeedDateParser.parse("Wed, 19 Mei 2024 09:29:05 GMT") == ParsingFixtures.utc(2024, 5, 19, 9, 29, 5))
    }

    @Test(arguments: [
        "2024-06-19T09:29:05Z",
        "2024-06-19T09:29:05z",
        "2024-06-19t09:29:05Z",
        "2024-06-19T09:29:05.000Z",
        "2024-06-19T09:29:05.123456Z",
        "2024-06-19T11:29:05+02:00",
        "2024-06-19T11:29:05+0200",
        "2024-06-19T11:29:05.5+02:00",
        "2024-06-19T04:29:05-05:00",
        "2024-06-19 09:29:05Z",
        "2024-06-19T09:29:05",
        " 2024-06-19T09:29:05+00:00 ",
    ])
    func rfc3339Variants(_ text: String) {
        let parsed = FeedDateParser.parse(text)
        let seconds = parsed.map { $0.timeIntervalSince1970.rounded(.down) }
        #expect(seconds == Self.reference.timeIntervalSince1970, "\(text)")
    }

    @Test func iso8601WithoutTimeOrSeconds() {
        #expect(FeedDateParser.parse("2024-06-19") == ParsingFixtures.utc(2024, 6, 19))
        #expect(FeedDateParser.parse("2024-06-19T09:29Z") == ParsingFixtures.utc(2024, 6, 19, 9, 29))
        #expect(FeedDateParser.parse("2024-02-29T00:00:00Z") == ParsingFixtures.utc(2024, 2, 29))
        #expect(FeedDateParser.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test(arguments: [
        "", "gisteren", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-06-19T25:00:00Z",
        "Wed, 32 Jun 2024 09:29:05 GMT", "Wed, 19 Foo 2024 09:29:05 GMT", "2024-06-19T09:29:05 nonsense",
        "Wed, 19 Jun 2024 09:29:05 XYZ", "19/06/2024",
    ])
    func rejectsNonsense(_ text: String) {
        #expect(FeedDateParser.parse(text) == nil, "\(text)")
    }
}
