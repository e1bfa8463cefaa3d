import GRDB
import KrantCore

/// The list columns of an article, fetched without its blocks: a screen of
/// headlines must not decode fifty article bodies.
struct HeadlineRecord: FetchableRecord {
    static let columns: [Column] = [
        ArticleRecord.Columns.id, ArticleRecord.Columns.title, ArticleRecord.Columns.source,
        ArticleRecord.Columns.category, ArticleRecord.Columns.published, ArticleRecord.Columns.whenText,
        ArticleRecord.Columns.isRead, ArticleRecord.Columns.isStarred,
    ]

    var headline: Headline

    init(row: Row) throws {
        let published: String? = row[ArticleRecord.Columns.published]
        headline = Headline(id: row[ArticleRecord.Columns.id],
                            title: row[ArticleRecord.Columns.title],
                            source: row[ArticleRecord.Columns.source],
                            category: row[ArticleRecord.Columns.category],
                            published: published.flatMap(PublishedDate.init(iso8601:)),
                            when: row[ArticleRecord.Columns.whenText],
                            isRead: row[ArticleRecord.Columns.isRead],
                            isStarred: row[ArticleRecord.Columns.isStarred])
    }
}
