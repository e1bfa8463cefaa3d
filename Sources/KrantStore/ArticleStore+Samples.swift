import GRDB
import KrantCore

/// The sample articles a new store starts with (`krant samples`).
///
/// They are saved articles of no feed in a category of their own, so they
/// are told from the user's own articles by a column every article has (no
/// schema change) and the reader's chooser shows them as one category.
/// A feed the user files under the same name keeps its items: only
/// articles of no feed are samples.
extension ArticleStore {
    public static let samplesCategory = "krant samples"

    /// The samples still in the store, newest first.
    public func samples() throws -> [Headline] {
        let request = Self.samplesRequest
            .order(ArticleRecord.Columns.publishedSort.desc, ArticleRecord.Columns.id.desc)
            .select(HeadlineRecord.columns)
            .asRequest(of: HeadlineRecord.self)
        return try pool.read { db in try request.fetchAll(db).map(\.headline) }
    }

    /// Deletes the samples in one transaction and returns how many there
    /// were. The delete triggers keep the rest exact: each indexed sample's
    /// words go out of the search index (`ArticleSearch.createDeleteTrigger`)
    /// and the counts go down (`ArticleCounts`); bodies go by cascade.
    @discardableResult
    public func removeSamples() throws -> Int {
        try writeTouchingIndex { db in try Self.samplesRequest.deleteAll(db) }
    }

    private static var samplesRequest: QueryInterfaceRequest<ArticleRecord> {
        ArticleRecord.filter(ArticleRecord.Columns.category == samplesCategory && ArticleRecord.Columns.feedID == nil)
    }
}
