import GRDB

/// What only the article pane needs (lead caption, blocks, links, a feed
/// item's HTML), one row per article, apart from the list columns in
/// `articles`.
///
/// A body is a few kilobytes, a list row a hundred bytes. With bodies in
/// `articles`, marking 5,000 articles read rewrote 5,000 pages of bodies
/// (180 ms for 50,000 feed items); headline queries that read list columns
/// from the table touched a page per row. Apart, list rows pack a hundred to
/// a page.
enum ArticleBodies {
    static let tableName = "article_bodies"

    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE \(tableName) (
                id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                lead_credit TEXT,
                lead_text TEXT,
                blocks TEXT NOT NULL,
                links TEXT,
                body_html TEXT)
            """)
    }
}
