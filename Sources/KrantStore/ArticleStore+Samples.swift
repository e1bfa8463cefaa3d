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
    /// Where the reader reads the samples from: the executable's resource bundle.
    public static let bundledFolder = "krant_krant.resources/articles"

    /// The samples still in the store, newest first. `identities` are the
    /// bundled articles' own: a store made before samples had their
    /// category holds them uncategorised, and they are samples all the same
    /// when they were read from krant's own resource bundle (the same files
    /// imported from elsewhere are the user's).
    public func samples(identities: Set<String> = []) throws -> [Headline] {
        let request = Self.samplesRequest(identities)
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
    public func removeSamples(identities: Set<String> = []) throws -> Int {
        try writeTouchingIndex { db in try Self.samplesRequest(identities).deleteAll(db) }
    }

    private static func samplesRequest(_ identities: Set<String>) -> QueryInterfaceRequest<ArticleRecord> {
        let fromTheBundle = identities.contains(ArticleRecord.Columns.identity)
            && ArticleRecord.Columns.originPath.like("%/" + bundledFolder + "/%")
        return ArticleRecord.filter((ArticleRecord.Columns.category == samplesCategory || fromTheBundle)
                                    && ArticleRecord.Columns.feedID == nil)
    }
}
