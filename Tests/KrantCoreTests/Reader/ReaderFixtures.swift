import Foundation
import KrantCore
import ReaderTestSupport

/// Articles and drivers for reader tests.
enum ReaderFixtures {
    static func resource(_ name: String) throws -> Article {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Resources/articles/\(name)")
        return try PlainTextArticleParser().parse([UInt8](try Data(contentsOf: url))).article
    }

    static var sample: Article {
        get throws { try resource("000_efc67cec27737acb.txt") }
    }

    static var cjk: Article {
        get throws { try resource("003_tech_japan_emoji.txt") }
    }

    /// The five bundled articles with fixed ids, newest first by date.
    static func bundled() throws -> [Article] {
        try ["000_efc67cec27737acb.txt", "001_binnenland_dijkversterking.txt", "002_sport_schaatsen.txt",
             "003_tech_japan_emoji.txt", "004_buitenland_verkiezingen.txt"].enumerated().map { index, name in
            var article = try resource(name)
            article.id = Int64(index + 1)
            return article
        }
    }

    /// The feed the generated articles come from.
    static let nosFeed = (url: "https://feeds.nos.nl/nosnieuwsalgemeen", title: "NOS Nieuws" as String?)

    /// `count` short articles of one feed, one a day, in two categories, each
    /// with a section and a caption.
    static func generated(_ count: Int) -> [Article] {
        (0..<count).map { index in
            let day = CivilDate(year: 2024, month: 1, day: 1).adding(days: index)
            return Article(id: Int64(index + 1), source: "NOS Nieuws",
                           category: index % 2 == 0 ? "Binnenland" : "Sport",
                           title: "Bericht \(index + 1)",
                           published: PublishedDate(year: day.year, month: day.month, day: day.day, hour: 12, minute: 0),
                           blocks: [.paragraph("Tekst van bericht \(index + 1)."), .section("Kop"),
                                    .caption(Caption(credit: "ANP", text: "Foto \(index + 1)")), .paragraph("Einde.")],
                           origin: .feed(url: nosFeed.url, guid: "bericht-\(index + 1)"))
        }
    }

    static func driver(_ articles: [Article], width: Int = 80, height: Int = 24,
                       settings: ReaderSettings = ReaderSettings(),
                       writer: any ReaderWriter = ImmediateWriter()) -> ReaderDriver<InMemorySource> {
        let source = InMemorySource(articles, feeds: [nosFeed])
        let state = ReaderState(width: width, height: height, settings: settings)
        var driver = ReaderDriver(state: state, source: source, writer: writer)
        _ = driver.send(.resized(width: width, height: height))
        return driver
    }
}

extension ReaderDriver {
    /// Sends a key the way the runtime does: through the keymap.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let action = state.settings.keymap.action(for: key, in: state) { effects += send(action) }
        }
        return effects
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }
}
