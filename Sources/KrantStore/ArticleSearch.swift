import GRDB
import KrantContent
import KrantCore

/// The full-text index: one row per article, rowid = article id.
enum ArticleSearch {
    static let tableName = "article_search"

    /// The text an article is indexed under, computed by SQLite from a row of
    /// `article_bodies` (`body` is its alias): `Article.searchableBody` of
    /// the article stored. The index is contentless, so removing an article
    /// from it means handing FTS5 the same words again; this expression is
    /// the one place that says which.
    static func bodyExpression(_ body: String) -> String {
        """
        CASE WHEN \(body).body_html IS NULL THEN \(blocksTextExpression(body))
        ELSE \(htmlTextName)(\(body).lead_credit, \(body).lead_text, \(body).body_html) END
        """
    }

    /// An article's title and words, `SELECT`ed from `articles AS article`
    /// joined with its body.
    static let titleAndBody = """
        article.id, article.title, \(bodyExpression("body")) FROM articles AS article
        JOIN \(ArticleBodies.tableName) AS body ON body.id = article.id
        """

    /// The words of a row whose body is blocks, in plain SQL (so migration v4
    /// indexed `articles` rows, before bodies had a table, the same way):
    /// the lead caption's text, then every block's text (a section's title,
    /// a caption's text without its credit).
    static func blocksTextExpression(_ row: String) -> String {
        """
        coalesce(\(row).lead_text, '') || char(10) || coalesce((SELECT group_concat(
            coalesce(json_extract(value, '$.text'), json_extract(value, '$.title'), ''), char(10))
            FROM json_each(\(row).blocks)), '')
        """
    }

    /// The words of a row whose body is still HTML, by the rules of
    /// `converter`: the blocks are made from it, as when the article is read.
    /// Every connection of the store registers it (`ArticleStore.init`);
    /// SQLite cannot lay out HTML itself. Pure only for one converter
    /// version, which is why the store rebuilds an index another version
    /// built (`SearchBacklog.adopt`).
    static func htmlText(_ converter: ContentConverter) -> DatabaseFunction {
        DatabaseFunction(htmlTextName, argumentCount: 3, pure: true) { values in
            guard let html = String.fromDatabaseValue(values[2]) else { return nil }
            return converter.searchableText(String.fromDatabaseValue(values[0]), String.fromDatabaseValue(values[1]), html)
        }
    }

    static let htmlTextName = "krant_html_search_text"

    /// The contentless, column-detail FTS5 table.
    ///
    /// Contentless: the text is already in `article_bodies`; storing it
    /// twice doubled an import's writes. Column detail: search asks for
    /// words and prefixes only, never phrases, and the smaller index writes
    /// faster. Measured with 10,000 articles of 4 KB (Python, same SQLite):
    /// 9,900 inserts/s with the full, content-storing index, 18,700 with this.
    /// Migration v4 created it with the first delete trigger; v5 replaced
    /// that trigger with `createDeleteTrigger`'s.
    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(tableName) USING fts5(
                title, body, content='', detail=column, tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_search_delete BEFORE DELETE ON articles BEGIN
                INSERT INTO \(tableName) (\(tableName), rowid, title, body)
                VALUES ('delete', old.id, old.title, \(blocksTextExpression("old")));
            END;
            """)
    }

    /// Takes an article out of the index when it is deleted (also by
    /// cascade), if it was indexed: handing a contentless index words it
    /// never had would corrupt it.
    static func createDeleteTrigger(in db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER articles_search_delete BEFORE DELETE ON articles
            WHEN old.id <= (SELECT indexed_through FROM \(SearchBacklog.tableName)) BEGIN
                INSERT INTO \(tableName) (\(tableName), rowid, title, body)
                SELECT 'delete', old.id, old.title, \(bodyExpression("body"))
                FROM \(ArticleBodies.tableName) AS body WHERE body.id = old.id;
            END;
            """)
    }

    /// Indexes one stored article again after it changed; call `unindex`
    /// before the change. Both read the words back from the store through
    /// `bodyExpression`, so the two always agree.
    static func index(id: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(tableName) (rowid, title, body) SELECT \(titleAndBody) WHERE article.id = ?
            """)
        try statement.execute(arguments: [id])
    }

    /// Takes the words an article was indexed under out of the index; call it
    /// before the article changes.
    static func unindex(id: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(tableName) (\(tableName), rowid, title, body)
            SELECT 'delete', \(titleAndBody) WHERE article.id = ?
            """)
        try statement.execute(arguments: [id])
    }
}
