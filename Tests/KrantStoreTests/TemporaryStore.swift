import KrantContent
import Foundation
import GRDB
import KrantCore
@testable import KrantStore

/// A fresh directory per test, removed when the test's suite instance goes.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("krant-store-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(name))) }

    /// A store as an older krant left it: migrated up to `migration`, then
    /// filled by `fill`; returns its path, ready for `ArticleStore` to upgrade.
    func oldStore(upTo migration: String, _ fill: (Database) throws -> Void) throws -> String {
        let path = file("old.db")
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: migration)
        try queue.write(fill)
        try queue.close()
        return path
    }

    /// Today's words under version 1, the rules every store from before
    /// converter versions was indexed by: opening an old store with it tests
    /// the migration alone, without the rebuild a newer version starts.
    static let versionOneConverter = ContentConverter(version: 1,
                                                      searchableText: ContentConverter.current.searchableText)
}

/// Short ways to make articles that differ only where a test cares.
enum Sample {
    static func article(_ title: String, _ published: PublishedDate? = nil, category: String? = nil,
                        body: String = "Tekst.", read: Bool = false, starred: Bool = false) -> Article {
        Article(source: "NOS Nieuws", category: category, title: title, published: published,
                blocks: [.paragraph(body)], isRead: read, isStarred: starred)
    }

    static func entry(_ article: Article) -> (article: Article, identity: String) {
        (article, ArticleIdentity.forText(article.title + "\n" + article.searchableBody))
    }

    static func day(_ day: Int, _ hour: Int = 12, month: Int = 6) -> PublishedDate {
        PublishedDate(year: 2024, month: month, day: day, hour: hour, minute: 0)
    }

    /// Inserts the articles and returns their new ids, in order.
    static func insert(_ articles: [Article], into store: ArticleStore) throws -> [Int64] {
        try store.insert(articles.map(entry)).map(\.id)
    }
}

extension ArticleStore {
    /// Rows of the search index matching a word as a prefix, by rowid, not
    /// joined with articles: a phantom left by a delete with the wrong words
    /// shows here. First the index checks itself: a delete of an article it
    /// never held leaves no phantom but corrupts it, which only FTS5's
    /// integrity check reports.
    func rawSearchMatches(_ word: String) throws -> [Int64] {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('integrity-check')")
        }
        return try pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid",
                               arguments: ["\"\(word)\"*"])
        }
    }
}
