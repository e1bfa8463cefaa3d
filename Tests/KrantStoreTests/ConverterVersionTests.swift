import Foundation
import GRDB
import KrantContent
import KrantCore
import Testing
@testable import KrantStore

/// The search index is contentless: an update or a delete hands FTS5 the
/// words an article went in with, computed again from its stored HTML. A
/// krant whose content rules differ must not do that with an index another
/// krant built; it rebuilds the index first (`SearchBacklog.adopt`).
@Suite struct ConverterVersionTests {
    /// Today's rules plus a word only they produce, as an older krant's.
    static let older = ContentConverter(version: 41) { credit, text, html in
        HTMLBody.searchableText(leadCredit: credit, leadText: text, html: html) + " oudewoord"
    }

    static let newer = ContentConverter(version: 42) { credit, text, html in
        HTMLBody.searchableText(leadCredit: credit, leadText: text, html: html)
    }

    static func item(_ guid: String, _ html: String, feed: FeedSubscription) -> Article {
        Article(title: "Bericht \(guid)", bodyHTML: html, origin: .feed(url: feed.url, guid: guid))
    }

    /// A store indexed by `older`: three HTML items, all searchable by its extra word.
    static func storeIndexedByOlder(_ directory: TemporaryDirectory) throws -> (path: String, ids: [Int64]) {
        let path = directory.file("krant.db")
        let store = try ArticleStore(path: path, converter: older)
        let feed = try store.addFeed(url: "https://nos.example/feed", title: "NOS")
        let ids = try store.upsertFeedArticles([item("a", "<p>zeehond</p>", feed: feed),
                                                item("b", "<p>walvis</p>", feed: feed),
                                                item("c", "<p>bruinvis</p>", feed: feed)], feedID: feed.id).inserted
        #expect(try store.rawSearchMatches("oudewoord") == ids)
        return (path, ids)
    }

    @Test func anotherVersionRebuildsTheIndexBeforeAnyUpdateOrDelete() throws {
        let directory = try TemporaryDirectory()
        let (path, ids) = try Self.storeIndexedByOlder(directory)

        let store = try ArticleStore(path: path, converter: Self.newer)
        #expect(try store.isRebuildingSearchIndex())
        #expect(try store.searchBacklog() == 3)
        #expect(try store.rawSearchMatches("oudewoord").isEmpty)

        // Changed and deleted while the index is being rebuilt.
        let feed = try #require(try store.feeds().first)
        let update = try store.upsertFeedArticles([Self.item("a", "<p>zeeleeuw</p>", feed: feed)], feedID: feed.id)
        #expect(update.updated == 1)
        try store.deleteArticle(id: ids[1])
        #expect(try store.rawSearchMatches("zee").isEmpty)

        #expect(try store.catchUpSearch() == 2)
        #expect(try !store.isRebuildingSearchIndex())
        #expect(try store.rawSearchMatches("zeeleeuw") == [ids[0]])
        #expect(try store.rawSearchMatches("bruinvis") == [ids[2]])
        #expect(try store.rawSearchMatches("oudewoord").isEmpty)
        #expect(try store.headlines(HeadlineQuery(search: "zeeleeuw"), limit: 10).map(\.id) == [ids[0]])

        // And once rebuilt, the new rules' words come out exactly as they went in.
        _ = try store.upsertFeedArticles([Self.item("c", "<p>tuimelaar</p>", feed: feed)], feedID: feed.id)
        try store.deleteArticle(id: ids[0])
        #expect(try store.rawSearchMatches("bruinvis").isEmpty)
        #expect(try store.rawSearchMatches("tuimelaar") == [ids[2]])
        #expect(try store.rawSearchMatches("zeeleeuw").isEmpty)
        #expect(try store.integrityCheck())
    }

    /// The control: the same rules under the old version number are trusted,
    /// and a delete then hands FTS5 other words than the article went in
    /// with: the word only the old rules made stays in the index, a search
    /// hit for an article that no longer exists. This is what the version
    /// prevents, and what the test above would catch.
    @Test func withoutTheRebuildADeleteLeavesAPhantom() throws {
        let directory = try TemporaryDirectory()
        let (path, ids) = try Self.storeIndexedByOlder(directory)
        let mislabelled = ContentConverter(version: Self.older.version, searchableText: Self.newer.searchableText)
        let store = try ArticleStore(path: path, converter: mislabelled)
        #expect(try !store.isRebuildingSearchIndex())
        try store.deleteArticle(id: ids[1])
        #expect(try store.rawSearchMatches("oudewoord") == ids)
        #expect(try store.article(id: ids[1]) == nil)
    }

    /// Two krants with different rules open at once (the reader of the old
    /// one still running after an upgrade): whichever writes to the index
    /// last takes it over and rebuilds it, so the words in it are always
    /// one krant's, and the other's deletes never hand FTS5 the wrong ones.
    @Test func twoVersionsAtOnceNeverMixTheirWords() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("krant.db")
        let old = try ArticleStore(path: path, converter: Self.older)
        let feed = try old.addFeed(url: "https://nos.example/feed", title: "NOS")
        let ids = try old.upsertFeedArticles([Self.item("a", "<p>zeehond</p>", feed: feed),
                                              Self.item("b", "<p>walvis</p>", feed: feed)],
                                             feedID: feed.id, indexing: .later).inserted
        let new = try ArticleStore(path: path, converter: Self.newer)
        #expect(try new.isRebuildingSearchIndex())

        // The old krant's indexer goes on: it takes the index back first.
        #expect(try old.catchUpSearch() == 2)
        #expect(try new.pool.read { db in try SearchBacklog.converterVersion(db) } == Self.older.version)
        #expect(try old.rawSearchMatches("oudewoord") == ids)

        // The new krant deletes: it takes the index over again before the
        // delete trigger runs, so the old words cannot be left behind.
        try new.deleteArticle(id: ids[0])
        #expect(try new.rawSearchMatches("oudewoord").isEmpty)
        #expect(try new.catchUpSearch() == 1)
        #expect(try new.rawSearchMatches("walvis") == [ids[1]])
        #expect(try new.rawSearchMatches("oudewoord").isEmpty)
        #expect(try !new.isRebuildingSearchIndex())
    }

    /// Nothing to rebuild (an empty store, or every waiting article deleted):
    /// the store does not say it is rebuilding.
    @Test func aRebuildWithNothingLeftToIndexIsOver() throws {
        let directory = try TemporaryDirectory()
        let empty = directory.file("empty.db")
        do { _ = try ArticleStore(path: empty, converter: Self.older) }
        #expect(try !ArticleStore(path: empty, converter: Self.newer).isRebuildingSearchIndex())

        let (path, _) = try Self.storeIndexedByOlder(directory)
        let store = try ArticleStore(path: path, converter: Self.newer)
        #expect(try store.isRebuildingSearchIndex())
        try store.removeFeed(id: try #require(try store.feeds().first).id)
        #expect(try store.catchUpSearch() == 0)
        #expect(try !store.isRebuildingSearchIndex())
    }

    /// Stores from before versions were indexed by the rules numbered 1.
    @Test func aStoreFromBeforeVersionsWasIndexedByVersionOne() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.oldStore(upTo: "v6-article-counts") { _ in }
        let versionOne = ContentConverter(version: 1, searchableText: Self.newer.searchableText)
        let store = try ArticleStore(path: path, converter: versionOne)
        #expect(try !store.isRebuildingSearchIndex())
        #expect(try store.pool.read { db in try SearchBacklog.converterVersion(db) } == 1)
    }
}

extension ArticleStore {
    /// Deletes an article as any delete would (the search trigger and the
    /// counts see it); krant itself has no delete yet.
    func deleteArticle(id: Int64) throws {
        try writeTouchingIndex { db in try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id]) }
    }

    /// FTS5's own check of the search index; throws when it is corrupt.
    @discardableResult
    func integrityCheck() throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('integrity-check')")
        }
        return true
    }
}
