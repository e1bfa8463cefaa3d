import GRDB

/// The whole schema history, in one migrator. Never edit a migration that has
/// shipped: add a new one, so every existing store upgrades the same way.
enum StoreMigrations {
    /// The identifier of the first migration; a GRDB database that lacks it was
    /// written by some other program.
    static let first = "v1"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(first, migrate: v1)
        migrator.registerMigration("v2-links", migrate: v2Links)
        migrator.registerMigration("v3-feeds", migrate: v3Feeds)
        migrator.registerMigration("v4-contentless-search", migrate: v4ContentlessSearch)
        migrator.registerMigration("v5-deferred-work", migrate: v5DeferredWork)
        migrator.registerMigration("v6-article-counts", migrate: ArticleCounts.create)
        migrator.registerMigration("v7-converter-version", migrate: v7ConverterVersion)
        migrator.registerMigration("v8-authors-enclosures", migrate: v8AuthorsEnclosures)
        migrator.registerMigration("v9-deleted-items", migrate: DeletedItems.create)
        migrator.registerMigration("v10-sync", migrate: SyncTables.create)
        return migrator
    }

    /// Feed items keep who wrote them, the files they come with, and the
    /// `xml:base` their body's links are relative to. Only the article pane
    /// shows them, so they live with the bodies.
    private static func v8AuthorsEnclosures(_ db: Database) throws {
        try db.alter(table: ArticleBodies.tableName) { t in
            t.add(column: "body_base", .text)
            t.add(column: "author", .text)
            t.add(column: "enclosures", .text)
        }
    }

    /// The search index records which content rules made its words (see
    /// `SearchBacklog.adopt`). Every store before this was indexed by the
    /// rules numbered 1; `rebuilding` says the index is being filled again
    /// after other rules built it.
    private static func v7ConverterVersion(_ db: Database) throws {
        try db.alter(table: SearchBacklog.tableName) { t in
            t.add(column: "converter_version", .integer).notNull().defaults(to: 1)
            t.add(column: "rebuilding", .boolean).notNull().defaults(to: false)
        }
    }

    /// Work an import used to do for every article now waits until it is
    /// needed, and list rows no longer carry bodies.
    ///
    /// Bodies move to `article_bodies` (see `ArticleBodies`), and feed items
    /// keep their HTML there (`body_html`), made into blocks when read. The
    /// search index may lag the articles (see `SearchBacklog`): every article
    /// up to `indexed_through` is indexed, none after it. The delete trigger
    /// takes out only articles that were indexed, reading their words from
    /// `article_bodies`.
    private static func v5DeferredWork(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER articles_search_delete")
        try ArticleBodies.create(in: db)
        try db.execute(sql: """
            INSERT INTO \(ArticleBodies.tableName) (id, lead_credit, lead_text, blocks, links)
                SELECT id, lead_credit, lead_text, blocks, links FROM articles;
            CREATE TABLE \(SearchBacklog.tableName) (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                indexed_through INTEGER NOT NULL);
            INSERT INTO \(SearchBacklog.tableName) (id, indexed_through)
                SELECT 1, coalesce(max(id), 0) FROM articles;
            """)
        try db.alter(table: ArticleRecord.databaseTableName) { t in
            for column in ["lead_credit", "lead_text", "blocks", "links"] { t.drop(column: column) }
        }
        try ArticleSearch.createDeleteTrigger(in: db)
    }

    /// The search index stops storing a second copy of every article (see
    /// `ArticleSearch.create`) and is rebuilt from the articles.
    private static func v4ContentlessSearch(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER articles_search_delete")
        try db.drop(table: ArticleSearch.tableName)
        try ArticleSearch.create(in: db)
        try db.execute(sql: """
            INSERT INTO \(ArticleSearch.tableName) (rowid, title, body)
            SELECT id, title, \(ArticleSearch.blocksTextExpression("articles")) FROM articles
            """)
    }

    /// Subscriptions: a feed's home page, and a per-feed headline list.
    private static func v3Feeds(_ db: Database) throws {
        try db.alter(table: FeedRecord.databaseTableName) { t in
            t.add(column: "site_url", .text)
        }
        // Like articles_by_category: a feed's list walks it in list order and
        // its trailing is_read answers unread counts per feed without the
        // table. Its feed_id prefix also serves the cascade on feed removal,
        // so the plain feed_id index goes.
        try db.create(index: "articles_by_feed_published", on: ArticleRecord.databaseTableName,
                      columns: ["feed_id", "published_sort", "id", "is_read"])
        try db.drop(index: "articles_by_feed")
    }

    /// Feed items carry links, shown as numbered references.
    private static func v2Links(_ db: Database) throws {
        try db.alter(table: ArticleRecord.databaseTableName) { t in
            t.add(column: "links", .text)
        }
    }

    private static func v1(_ db: Database) throws {
        try db.create(table: FeedRecord.databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("url", .text).notNull().unique()
            t.column("title", .text)
            t.column("category", .text)
            t.column("etag", .text)
            t.column("last_modified", .text)
            t.column("last_fetched_at", .datetime)
            t.column("last_status", .text)
            t.column("added_at", .datetime).notNull()
        }

        try db.create(table: ArticleRecord.databaseTableName) { t in
            // AUTOINCREMENT: ids are shown to users (`krant show 7`), so a
            // deleted article's id must never come back as another article.
            t.autoIncrementedPrimaryKey("id")
            t.column("identity", .text).notNull().unique()
            t.column("feed_id", .integer).references(FeedRecord.databaseTableName, onDelete: .cascade)
            t.column("origin_path", .text)
            t.column("guid", .text)
            t.column("url", .text)
            t.column("source", .text)
            t.column("category", .text)
            t.column("title", .text).notNull()
            t.column("published", .text)
            // "" when unknown, so undated articles sort after every dated one
            // (newest first) without a NULL special case in every query.
            t.column("published_sort", .text).notNull()
            t.column("when_text", .text)
            t.column("lead_credit", .text)
            t.column("lead_text", .text)
            t.column("blocks", .text).notNull()
            t.column("is_read", .boolean).notNull().defaults(to: false)
            t.column("is_starred", .boolean).notNull().defaults(to: false)
            t.column("imported_at", .datetime).notNull()
        }

        // Every headline list is ordered by (published_sort DESC, id DESC);
        // SQLite walks these indexes backwards, so each filter below can
        // return a page of 50 without sorting the whole table.
        try db.create(index: "articles_by_published", on: "articles", columns: ["published_sort", "id"])
        try db.create(index: "articles_by_unread", on: "articles", columns: ["is_read", "published_sort", "id"])
        // Trailing is_read makes the index cover `categories()` (counts per
        // category) and unread-in-category lists without touching the table.
        try db.create(index: "articles_by_category", on: "articles",
                      columns: ["category", "published_sort", "id", "is_read"])
        // Few articles are starred: a partial index stays tiny.
        try db.create(index: "articles_starred", on: "articles", columns: ["published_sort", "id"],
                      condition: Column("is_starred") == 1)
        try db.create(index: "articles_by_feed", on: "articles", columns: ["feed_id"])

        // A plain (content-storing) FTS5 table rather than a contentless one:
        // the system SQLite (3.40) cannot delete from contentless tables, and
        // articles must disappear from search when deleted (also by cascade
        // when their feed is removed). Diacritics are removed so "oekraine"
        // finds "Oekraïne".
        try db.create(virtualTable: ArticleSearch.tableName, using: FTS5()) { t in
            t.tokenizer = .unicode61(diacritics: .remove)
            t.column("title")
            t.column("body")
        }
        try db.execute(sql: """
            CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                DELETE FROM \(ArticleSearch.tableName) WHERE rowid = old.id;
            END
            """)
    }
}
