import GRDB
import KrantCore

/// How many articles, and how many unread, per category and feed, kept as
/// articles come (`Tally`, by the code that inserts them), go and are read
/// (triggers).
///
/// The status bar shows `U unread of T` for every view and the chooser shows
/// counts per category and feed; counting rows for them costs the size of
/// the store (tens of milliseconds at a million articles, on every start).
/// A row per (category, feed) answers them in a few rows. Articles without a
/// category or a feed are counted under '' and 0, so the key has no NULLs.
///
/// Inserts are not counted by a trigger: a trigger that writes makes SQLite
/// keep a statement journal for every insert, a copy of each 16 KB page the
/// insert touches, which took a 50,000-item import from 2.2 s to 3.6 s.
enum ArticleCounts {
    static let tableName = "article_counts"

    static func create(in db: Database) throws {
        let key = "coalesce(new.category, ''), coalesce(new.feed_id, 0)"
        let oldKey = "category = coalesce(old.category, '') AND feed_id = coalesce(old.feed_id, 0)"
        let add = """
            INSERT INTO \(tableName) (category, feed_id, total, unread) VALUES (\(key), 1, new.is_read = 0)
                ON CONFLICT (category, feed_id) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
            """
        // Deletes and changes are rare, or one statement over many rows (mark
        // all read), where SQLite keeps a statement journal anyway.
        let remove = "UPDATE \(tableName) SET total = total - 1, unread = unread - (old.is_read = 0) WHERE \(oldKey);"
        try db.execute(sql: """
            CREATE TABLE \(tableName) (
                category TEXT NOT NULL,
                feed_id INTEGER NOT NULL,
                total INTEGER NOT NULL,
                unread INTEGER NOT NULL,
                PRIMARY KEY (category, feed_id)) WITHOUT ROWID;
            INSERT INTO \(tableName) (category, feed_id, total, unread)
                SELECT coalesce(category, ''), coalesce(feed_id, 0), count(*), sum(is_read = 0)
                FROM articles GROUP BY 1, 2;
            CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN \(remove) END;
            CREATE TRIGGER article_counts_update AFTER UPDATE OF is_read, category, feed_id ON articles
            WHEN old.is_read IS NOT new.is_read OR old.category IS NOT new.category OR old.feed_id IS NOT new.feed_id
            BEGIN \(remove) \(add) END;
            """)
    }

    /// New articles counted per key, added to the table once per batch.
    struct Tally {
        private var counts: [Key: (total: Int, unread: Int)] = [:]

        private struct Key: Hashable {
            var category: String
            var feedID: Int64
        }

        mutating func add(category: String?, feedID: Int64?, isRead: Bool) {
            let key = Key(category: category ?? "", feedID: feedID ?? 0)
            let old = counts[key] ?? (0, 0)
            counts[key] = (old.total + 1, old.unread + (isRead ? 0 : 1))
        }

        /// Adds the tally to the table; call it in the transaction that
        /// inserted the articles.
        func apply(in db: Database) throws {
            for (key, count) in counts {
                try db.execute(sql: """
                    INSERT INTO \(ArticleCounts.tableName) (category, feed_id, total, unread) VALUES (?, ?, ?, ?)
                    ON CONFLICT (category, feed_id) DO UPDATE
                    SET total = total + excluded.total, unread = unread + excluded.unread
                    """, arguments: [key.category, key.feedID, count.total, count.unread])
            }
        }
    }

    /// The view's counts, or nil when the table cannot answer (starred and
    /// search views, which their own small index and the search index count,
    /// and a saved query's feed name or age).
    static func counts(_ query: HeadlineQuery, in db: Database) throws -> (total: Int, unread: Int)? {
        guard !query.starredOnly, query.search == nil, query.feedName == nil, query.maxAgeSeconds == nil else {
            return nil
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let category = query.category {
            conditions.append("category = ?")
            arguments += [category]
        }
        if let feedID = query.feedID {
            conditions.append("feed_id = ?")
            arguments += [feedID]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(sum(total), 0), coalesce(sum(unread), 0) FROM \(tableName) \(filter)
            """, arguments: arguments)
        let (total, unread): (Int, Int) = (row?[0] ?? 0, row?[1] ?? 0)
        return (query.unreadOnly ? unread : total, unread)
    }

    /// Every category that holds articles, with its counts, in no order.
    static func categories(in db: Database) throws -> [CategoryCount] {
        try Row.fetchAll(db, sql: """
            SELECT category, sum(total) AS total, sum(unread) AS unread FROM \(tableName)
            WHERE category != '' GROUP BY category HAVING sum(total) > 0
            """).map { CategoryCount(name: $0["category"], total: $0["total"], unread: $0["unread"]) }
    }

    /// Every feed's counts by feed id (feeds without articles are absent).
    static func feeds(in db: Database) throws -> [Int64: (total: Int, unread: Int)] {
        var counts: [Int64: (total: Int, unread: Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT feed_id, sum(total) AS total, sum(unread) AS unread FROM \(tableName)
            WHERE feed_id != 0 GROUP BY feed_id
            """) {
            counts[row["feed_id"]] = (row["total"], row["unread"])
        }
        return counts
    }
}
