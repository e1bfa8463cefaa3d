import Foundation
import KrantCore
import KrantStore
import ReaderTestSupport
import Testing

/// The reader's tests run on `InMemorySource`; this holds it to the store:
/// every `ReaderDataSource` call, made on both with the same articles, must
/// answer the same. A difference here means a reader test may pass on the
/// fake and fail on the store.
// Serialized, each pass kept to a few hundred store calls, and run on a
// thread of their own (`offThePool`): blocking the test runner's few
// threads starves the async tests that measure time on a two-core machine.
@Suite(.serialized) final class ReaderDataSourceContractTests {
    static let feeds: [(url: String, title: String?)] = [
        ("https://feeds.nos.nl/nosnieuwsbuitenland", "NOS Buitenland"),
        ("https://feeds.nos.nl/nosnieuwsalgemeen", "algemeen nieuws"),
    ]

    /// Accents in titles and text, ties on the date, no date, categories that
    /// differ in case, three feeds (one known only by its address) and saved
    /// files, some read, some starred.
    static let articles: [Article] = {
        func day(_ day: Int, _ hour: Int? = 12) -> PublishedDate {
            PublishedDate(year: 2024, month: 6, day: day, hour: hour, minute: hour == nil ? nil : 0)
        }
        func feed(_ index: Int, _ guid: String) -> ArticleOrigin {
            .feed(url: index < feeds.count ? feeds[index].url : "https://example.org/rss", guid: guid)
        }
        return [
            Article(source: "NOS", category: "Buitenland", title: "Poetin bezoekt Oekraïne niet", published: day(3),
                    blocks: [.paragraph("De Russische president in Kyiv?"), .section("Reactie")], origin: feed(0, "a")),
            Article(source: "NOS", category: "buitenland", title: "Café in Zürich", published: day(3),
                    blocks: [.paragraph("Koffie en gebak.")], isRead: true, origin: feed(0, "b")),
            Article(source: "NOS", category: "Binnenland", title: "Dijkversterking", published: day(2),
                    leadCaption: Caption(credit: "ANP", text: "Een dijk bij Oekraïense vlag"),
                    blocks: [.paragraph("Werk aan de dijk."), .caption(Caption(credit: "ANP", text: "Zandzakken"))],
                    isStarred: true, origin: feed(1, "c")),
            Article(source: "NOS", category: "Sport", title: "Schaatsen: Poetins favoriet wint", published: day(2, nil),
                    blocks: [.paragraph("Op natuurijs.")], isRead: true, isStarred: true, origin: feed(1, "d")),
            Article(source: "Blog", category: nil, title: "Zonder datum", blocks: [.paragraph("Geen datum, wel tekst.")],
                    origin: feed(2, "e")),
            Article(source: "Bestand", category: "Binnenland", title: "Verkiezingen 2024", published: day(5),
                    blocks: [.paragraph("Uitslag: 42 zetels.")], origin: .file(path: "/tmp/verkiezingen.txt")),
            Article(source: "Bestand", category: "Tech", title: "Japanse 東京 telefoon 📱", published: day(5),
                    blocks: [.paragraph("Een telefoon uit 東京.")], isRead: true, origin: .file(path: "/tmp/tech.txt")),
            Article(source: "Bestand", category: "Sport", title: "Oekraïne wint", published: day(1),
                    blocks: [.quote("We zijn trots"), .listItem("Doelpunt")], origin: .file(path: "/tmp/sport.txt")),
        ]
    }()

    /// The folder of this test's store, removed with the suite instance.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("krant-contract-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A new store and a fake holding the same articles.
    func sources() async throws -> (store: ArticleStore, fake: InMemorySource) {
        let directory = self.directory
        return try await Self.offThePool {
            let store = try ArticleStore(path: directory.appendingPathComponent("krant.db").path)
            for feed in Self.feeds { _ = try store.addFeed(url: feed.url, title: feed.title) }
            _ = try store.insert(Self.articles.map { article in
                (article, ArticleIdentity.forText(article.title + "\n" + article.searchableBody))
            })
            return (store, InMemorySource(Self.articles, feeds: Self.feeds))
        }
    }

    /// Views to ask both about: filters alone and together, searches with and
    /// without accents, by prefix, in another case, several words, no word.
    static let views: [HeadlineQuery] = [
        HeadlineQuery(), HeadlineQuery(unreadOnly: true), HeadlineQuery(starredOnly: true),
        HeadlineQuery(category: "Binnenland"), HeadlineQuery(category: "buitenland"),
        HeadlineQuery(unreadOnly: true, category: "Sport"),
        HeadlineQuery(feedID: 1), HeadlineQuery(feedID: 2), HeadlineQuery(feedID: 3), HeadlineQuery(feedID: 99),
        HeadlineQuery(unreadOnly: true, feedID: 2),
        HeadlineQuery(search: "oekraine"), HeadlineQuery(search: "Oekraïne"), HeadlineQuery(search: "oekr"),
        HeadlineQuery(search: "POETIN"), HeadlineQuery(search: "poet"), HeadlineQuery(search: "zurich cafe"),
        HeadlineQuery(search: "poetin oekraine"), HeadlineQuery(search: "poetin xyz"),
        HeadlineQuery(search: "raine"), HeadlineQuery(search: "zandzak"), HeadlineQuery(search: "42"),
        HeadlineQuery(search: "東京"), HeadlineQuery(search: "trots"), HeadlineQuery(search: "..."),
        HeadlineQuery(search: ""), HeadlineQuery(unreadOnly: true, search: "oekraine"),
        HeadlineQuery(category: "Binnenland", search: "dijk"), HeadlineQuery(search: "zürich", feedID: 1),
        // The search syntax: OR, -word, phrases (in order, whole words), title:, and malformed text.
        HeadlineQuery(search: "zurich OR dijk"), HeadlineQuery(search: "poetin -kyiv"), HeadlineQuery(search: "-oekraine"),
        HeadlineQuery(search: "\"russische president\""), HeadlineQuery(search: "\"president russische\""),
        HeadlineQuery(search: "\"russische pres\""), HeadlineQuery(search: "oekr -\"bezoekt oekraine\""),
        HeadlineQuery(search: "title:dijk"), HeadlineQuery(search: "title:zandzak"), HeadlineQuery(search: "\"we zijn\" OR title:\"in zurich\""),
        HeadlineQuery(search: "poetin OR"), HeadlineQuery(search: "\"poetin"), HeadlineQuery(search: "title:"),
        // Saved queries' feed (by address or title) and age.
        HeadlineQuery(feedName: "NOS Buitenland"), HeadlineQuery(feedName: "https://feeds.nos.nl/nosnieuwsalgemeen"),
        HeadlineQuery(feedName: "https://example.org/rss"), HeadlineQuery(feedName: "nergens"),
        HeadlineQuery(maxAgeSeconds: 86_400), HeadlineQuery(maxAgeSeconds: 100_000 * 604_800),
    ]

    static let ids: [Int64] = Array(1...Int64(articles.count)) + [999]

    /// The views every anchored call is made on (the others get the rest):
    /// each filter, and searches that keep some rows and drop others.
    static let anchoredViews: [HeadlineQuery] = [
        HeadlineQuery(), HeadlineQuery(unreadOnly: true), HeadlineQuery(starredOnly: true),
        HeadlineQuery(category: "buitenland"), HeadlineQuery(feedID: 2), HeadlineQuery(unreadOnly: true, feedID: 2),
        HeadlineQuery(search: "oekraine"), HeadlineQuery(search: "poet"),
    ]

    /// Every read call on every view, as text, so one comparison names the
    /// first call that differs.
    static func answers(_ source: some ReaderDataSource) throws -> [String] {
        var lines: [String] = []
        func say(_ call: String, _ answer: Any) { lines.append("\(call) -> \(answer)") }
        for view in views {
            let counts = try source.counts(view)
            say("counts \(view)", "\(counts.total) \(counts.unread)")
            say("top \(view)", try source.headlines(view, offset: 0, limit: 100))
            say("offset 1 \(view)", try source.headlines(view, offset: 1, limit: 2).map(\.id))
            say("bottom \(view)", try source.headlines(view, fromEnd: 0, limit: 3).map(\.id))
            say("bottom 1 \(view)", try source.headlines(view, fromEnd: 1, limit: 2).map(\.id))
            guard anchoredViews.contains(view) else { continue }
            for id in ids {
                for forward in [true, false] {
                    // Both skips over the ids, not for each one.
                    let skip = Int(id) % 2
                    say("from \(id) \(forward) \(skip) \(view)",
                        try source.headlines(view, from: id, forward: forward, skip: skip, limit: 3)?.map(\.id) as Any)
                    let unread = try source.nearestUnread(to: id, in: view, forward: forward)
                    say("unread \(id) \(forward) \(view)", unread.map { "\($0.headline.id) at \($0.distance)" } as Any)
                    say("position \(id) \(forward) \(view)", try source.position(of: id, in: view, fromEnd: forward) as Any)
                }
            }
        }
        say("categories", try source.categories())
        say("feeds", try source.feedCounts())
        say("backlog", try source.searchBacklog())
        for id in ids {
            let article = try source.article(id: id)
            say("article \(id)", article.map { [$0.title, $0.source ?? "-", $0.category ?? "-", "\($0.blocks)",
                                                "\($0.leadCaption as Any)", "\($0.isRead) \($0.isStarred)"] } as Any)
        }
        return lines
    }

    /// Runs blocking work on a thread of its own and waits for it without
    /// holding one of Swift concurrency's threads.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    func expectSameAnswers(_ store: ArticleStore, _ fake: InMemorySource, _ step: String,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (fromStore, fromFake) = try await Self.offThePool { (try Self.answers(store), try Self.answers(fake)) }
        #expect(fromStore.count == fromFake.count, sourceLocation: sourceLocation)
        for (expected, actual) in zip(fromStore, fromFake) where expected != actual {
            Issue.record("\(step): the store says\n  \(expected)\nthe fake says\n  \(actual)",
                         sourceLocation: sourceLocation)
            return
        }
    }

    @Test func bothAnswerEveryReadAlike() async throws {
        let (store, fake) = try await sources()
        try await expectSameAnswers(store, fake, "as stored")
        // Not vacuous: the views really select different rows.
        #expect(try store.counts(HeadlineQuery(search: "oekraine")).total == 2)
        #expect(try store.counts(HeadlineQuery(search: "oekr")).total == 3)
        #expect(try store.counts(HeadlineQuery(feedID: 2)).total == 2)
    }

    @Test func bothDeleteAndRestoreAlike() async throws {
        let (store, fake) = try await sources()
        let deleted = try await Self.offThePool { (try store.delete([2, 5, 999]).ids, try fake.delete([2, 5, 999]).map(\.id!)) }
        #expect(deleted.0 == [2, 5] && deleted.1 == [2, 5])
        try await expectSameAnswers(store, fake, "after deleting")
        let storeDeleted = try store.delete([3])
        let fakeDeleted = try fake.delete([3])
        #expect(try store.restore(storeDeleted) == fake.restore(fakeDeleted))
        try await expectSameAnswers(store, fake, "after deleting and restoring")
    }

    @Test func bothApplyMarksAlike() async throws {
        let (store, fake) = try await sources()
        let missing = try await Self.offThePool {
            try [store, fake].map { (source: any ReaderDataSource) in
                [try source.setRead([1, 2, 999, 999], true), try source.setRead([4], false),
                 try source.setStarred([5, 998], true), try source.setStarred([3], false)]
            }
        }
        #expect(missing == [[[999], [], [998], []], [[999], [], [998], []]])
        try await expectSameAnswers(store, fake, "after marks")
        for view in [HeadlineQuery(search: "oekraine"), HeadlineQuery(feedID: 2)] {
            #expect(try store.markAllRead(view) == fake.markAllRead(view), "\(view)")
        }
        try await expectSameAnswers(store, fake, "after marking a search and a feed read")
        #expect(try store.markAllRead(HeadlineQuery()) == fake.markAllRead(HeadlineQuery()))
        #expect(try store.counts(HeadlineQuery()).unread == 0)
    }
}
