import Foundation
import GRDB
import KrantCore
import Testing
@testable import KrantStore

@Suite struct ArticleWritingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.file("krant.db"))
    }

    @Test func insertingTheSameIdentityTwiceKeepsOneRow() throws {
        let article = Sample.article("Poetin in Hanoi")
        let first = try store.insert([(article, "sha256:aa")])
        guard case .inserted(let id) = first[0] else {
            Issue.record("first insert was \(first)")
            return
        }
        let again = try store.insert([(article, "sha256:aa"), (Sample.article("Ander"), "sha256:bb"),
                                      (Sample.article("Ander, opnieuw"), "sha256:bb")])
        #expect(again[0] == .alreadyPresent(id: id))
        #expect(again[1].isInserted)
        #expect(again[2] == .alreadyPresent(id: again[1].id))
        #expect(try store.count(.all) == 2)
        #expect(try store.contains(identity: "sha256:aa"))
        #expect(try !store.contains(identity: "sha256:cc"))
        #expect(try store.article(id: again[1].id)?.title == "Ander")
        let searchRows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search") }
        #expect(searchRows == 2)
    }

    @Test func readAndStarredStateSurviveAReimport() throws {
        let article = Sample.article("Kabinet valt")
        let id = try store.insert([(article, "sha256:k")])[0].id
        #expect(try store.setRead([id], true) == [])
        #expect(try store.setStarred([id], true) == [])

        #expect(try store.insert([(article, "sha256:k")]) == [.alreadyPresent(id: id)])
        let stored = try #require(try store.article(id: id))
        #expect(stored.isRead)
        #expect(stored.isStarred)
    }

    @Test func anArticleRoundTripsWithEveryFieldAndBlockType() throws {
        let article = Article(
            source: "NOS Nieuws", category: "Buitenland", title: "Poetin verwelkomd in Hanoi",
            published: PublishedDate(year: 2024, month: 6, day: 20, hour: 11, minute: 29),
            when: "vandaag, 11:29", url: "https://nos.nl/artikel/1",
            leadCaption: Caption(credit: "ANP", text: "Poetin en To Lam bij het paleis"),
            blocks: [.paragraph("Op de eerste dag van zijn staatsbezoek ..."),
                     .caption(Caption(credit: "EPA-EFE", text: "De welkomstceremonie")),
                     .section("Balanceeract"),
                     .quote("\"We zijn vrienden\", zei hij / zo ging het"),
                     .listItem("Eerste punt"), .listItem("Tweede punt met ë en 日本")],
            links: ["https://nos.nl/artikel/2", "https://example.org/a?b=c"],
            isRead: true, isStarred: true,
            origin: .feed(url: "https://feeds.nos.nl/nosnieuwsbuitenland", guid: "urn:nos:1"))
        let id = try store.insert([(article, "sha256:full")])[0].id

        var expected = article
        expected.id = id
        #expect(try store.article(id: id) == expected)

        let fromFile = Article(title: "Alleen een titel", origin: .file(path: "/tmp/000_efc6.txt"))
        let fileID = try store.insert([(fromFile, "sha256:file")])[0].id
        var expectedFile = fromFile
        expectedFile.id = fileID
        #expect(try store.article(id: fileID) == expectedFile)
        #expect(try store.article(id: 999_999) == nil)

        let blocksJSON = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT blocks FROM article_bodies WHERE id = ?", arguments: [id])
        }
        #expect(blocksJSON?.hasPrefix(#"[{"#) == true)
        #expect(blocksJSON?.contains(#""type":"list_item""#) == true)
    }

    @Test func articlesOfOneFeedShareOneFeedRow() throws {
        let url = "https://example.org/feed.xml"
        let ids = try Sample.insert([
            Article(title: "Een", origin: .feed(url: url, guid: "1")),
            Article(title: "Twee", origin: .feed(url: url, guid: "2")),
        ], into: store)
        let feeds = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT url FROM feeds") }
        #expect(feeds == [url])
        #expect(try store.article(id: ids[1])?.origin == .feed(url: url, guid: "2"))
    }

    @Test func deletingAFeedRemovesItsArticlesFromListsAndSearch() throws {
        let ids = try Sample.insert([
            Article(title: "Uit de feed", blocks: [.paragraph("walvis")], origin: .feed(url: "u", guid: "1")),
            Article(title: "Los bestand", blocks: [.paragraph("walvis")], origin: .file(path: "/a.txt")),
        ], into: store)
        try store.pool.write { db in _ = try db.execute(sql: "DELETE FROM feeds") }
        #expect(try store.headlines(HeadlineQuery(search: "walvis"), limit: 10).map(\.id) == [ids[1]])
        let searchRows = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search") }
        #expect(searchRows == [ids[1]])
    }

    @Test func setReadAndSetStarredReturnTheMissingIds() throws {
        let ids = try Sample.insert([Sample.article("A"), Sample.article("B")], into: store)
        #expect(try store.setRead([ids[0], 4242, ids[1], 4343, 4242], true) == [4242, 4343])
        #expect(try store.unreadCount(.all) == 0)
        #expect(try store.setRead([ids[1]], false) == [])
        #expect(try store.unreadCount(.all) == 1)
        #expect(try store.article(id: ids[1])?.isRead == false)

        #expect(try store.setStarred([7777, ids[0]], true) == [7777])
        #expect(try store.count(HeadlineQuery(starredOnly: true)) == 1)
        #expect(try store.setStarred([ids[0]], false) == [])
        #expect(try store.count(HeadlineQuery(starredOnly: true)) == 0)
        #expect(try store.setRead([], true) == [])
    }
}
