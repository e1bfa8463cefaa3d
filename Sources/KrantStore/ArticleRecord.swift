import Foundation
import GRDB
import KrantCore
import KrantContent

/// The stored form of an `Article`: its row of `articles` (the list columns)
/// and its row of `article_bodies` (see `ArticleBodies`), fetched together
/// with `selectWhole`.
///
/// The body is kept as one JSON array of blocks: an article is written once
/// and always read whole, so a blocks table would only add joins.
struct ArticleRecord: Codable, Equatable, FetchableRecord, TableRecord {
    static let databaseTableName = "articles"

    var id: Int64?
    var identity: String
    var feedID: Int64?
    var originPath: String?
    var guid: String?
    var url: String?
    var source: String?
    var category: String?
    var title: String
    var published: String?
    var publishedSort: String
    var whenText: String?
    var leadCredit: String?
    var leadText: String?
    var blocks: String
    /// JSON array of link targets (`Article.links`); NULL when there are none.
    var links: String?
    /// A feed item's body as the feed sent it (`Article.bodyHTML`); `blocks`
    /// is then empty and the blocks are made when the article is read.
    var bodyHTML: String?
    /// `Article.bodyBase`, `Article.author`; NULL when the feed gave none.
    var bodyBase: String?
    var author: String?
    /// JSON array of `Enclosure`; NULL when there are none.
    var enclosures: String?
    var isRead: Bool
    var isStarred: Bool
    var importedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, identity, guid, url, source, category, title, published, blocks, links
        case feedID = "feed_id"
        case originPath = "origin_path"
        case publishedSort = "published_sort"
        case whenText = "when_text"
        case leadCredit = "lead_credit"
        case leadText = "lead_text"
        case bodyHTML = "body_html"
        case bodyBase = "body_base"
        case author, enclosures
        case isRead = "is_read"
        case isStarred = "is_starred"
        case importedAt = "imported_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let identity = Column(CodingKeys.identity)
        static let feedID = Column(CodingKeys.feedID)
        static let originPath = Column(CodingKeys.originPath)
        static let source = Column(CodingKeys.source)
        static let category = Column(CodingKeys.category)
        static let title = Column(CodingKeys.title)
        static let published = Column(CodingKeys.published)
        static let publishedSort = Column(CodingKeys.publishedSort)
        static let whenText = Column(CodingKeys.whenText)
        static let isRead = Column(CodingKeys.isRead)
        static let isStarred = Column(CodingKeys.isStarred)
    }

    /// Keys in one order, so an item fetched again unchanged is stored
    /// unchanged: the default order differs from one process to the next,
    /// and every fetch rewrote (and re-indexed) every podcast episode.
    static let enclosureEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Every column of a stored article, to append a `WHERE` on `article`.
    static let selectWhole = """
        SELECT article.*, body.lead_credit, body.lead_text, body.blocks, body.links, body.body_html,
               body.body_base, body.author, body.enclosures
        FROM articles AS article JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
        """
}

extension ArticleRecord {
    /// The stored form of `article`; its `id` is ignored (the store assigns one).
    init(_ article: Article, identity: String, feedID: Int64?, importedAt: Date) throws {
        self.identity = identity
        self.feedID = feedID
        switch article.origin {
        case .file(let path): originPath = path
        case .feed(_, let guid): self.guid = guid
        case nil: break
        }
        url = article.url
        source = article.source
        category = article.category
        title = article.title
        published = article.published?.iso8601
        publishedSort = article.published?.sortKey ?? ""
        whenText = article.when
        leadCredit = article.leadCaption?.credit
        leadText = article.leadCaption?.text
        blocks = BlockJSON.encode(article.blocks)
        links = article.links.isEmpty ? nil : BlockJSON.encode(strings: article.links)
        bodyHTML = article.bodyHTML
        bodyBase = article.bodyBase
        author = article.author
        enclosures = article.enclosures.isEmpty
            ? nil : String(decoding: try Self.enclosureEncoder.encode(article.enclosures), as: UTF8.self)
        isRead = article.isRead
        isStarred = article.isStarred
        self.importedAt = importedAt
    }

    /// Inserts the article unless its identity is already stored, counting
    /// it in `tally` (apply it before the transaction ends); returns the new
    /// id, or nil when the identity was there. Prepared statements
    /// with positional arguments: the import's hot path, where GRDB's Codable
    /// persistence and a separate existence check cost more than SQLite.
    func insertIfNew(_ db: Database, counting tally: inout ArticleCounts.Tally) throws -> Int64? {
        let insertRow = try db.cachedStatement(sql: """
            INSERT INTO articles (identity, feed_id, origin_path, guid, url, source, category, title, published,
                                  published_sort, when_text, is_read, is_starred, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(identity) DO NOTHING
            """)
        try insertRow.execute(arguments: [identity, feedID, originPath, guid, url, source, category, title, published,
                                          publishedSort, whenText, isRead, isStarred, importedAt])
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        let insertBody = try db.cachedStatement(sql: """
            INSERT INTO \(ArticleBodies.tableName) (id, lead_credit, lead_text, blocks, links, body_html, body_base,
                                                   author, enclosures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insertBody.execute(arguments: [id, leadCredit, leadText, blocks, links, bodyHTML, bodyBase, author, enclosures])
        tally.add(category: category, feedID: feedID, isRead: isRead)
        return id
    }

    /// Rewrites a stored article (`id` set) with this record's values.
    func update(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE articles SET identity = ?, feed_id = ?, origin_path = ?, guid = ?, url = ?, source = ?,
                category = ?, title = ?, published = ?, published_sort = ?, when_text = ?, is_read = ?,
                is_starred = ?, imported_at = ?
            WHERE id = ?
            """, arguments: [identity, feedID, originPath, guid, url, source, category, title, published,
                             publishedSort, whenText, isRead, isStarred, importedAt, id])
        try db.execute(sql: """
            UPDATE \(ArticleBodies.tableName) SET lead_credit = ?, lead_text = ?, blocks = ?, links = ?, body_html = ?,
                body_base = ?, author = ?, enclosures = ?
            WHERE id = ?
            """, arguments: [leadCredit, leadText, blocks, links, bodyHTML, bodyBase, author, enclosures, id])
    }

    /// The article this row stores, its HTML body (if any) made into blocks;
    /// `feedURL` is the URL of the row's feed.
    func article(feedURL: String?) throws -> Article {
        var origin: ArticleOrigin?
        if let feedURL {
            origin = .feed(url: feedURL, guid: guid ?? "")
        } else if let originPath {
            origin = .file(path: originPath)
        }
        var leadCaption: Caption?
        if let leadCredit, let leadText {
            leadCaption = Caption(credit: leadCredit, text: leadText)
        }
        let article = Article(id: id, source: source, category: category, title: title,
                       published: published.flatMap(PublishedDate.init(iso8601:)), when: whenText,
                       url: url, leadCaption: leadCaption,
                       blocks: try BlockJSONReader.blocks(blocks)
                           ?? JSONDecoder().decode([Block].self, from: Data(blocks.utf8)),
                       links: try links.map { try BlockJSONReader.strings($0)
                           ?? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? [],
                       bodyHTML: bodyHTML, bodyBase: bodyBase, author: author,
                       enclosures: try enclosures.map { try JSONDecoder().decode([Enclosure].self, from: Data($0.utf8)) } ?? [],
                       isRead: isRead, isStarred: isStarred, origin: origin)
        return HTMLBody.resolve(article, baseURL: article.bodyLinkBase(feedURL: feedURL))
    }
}
