/// When a write puts its new articles into the search index.
public enum SearchIndexing: Sendable {
    /// In the same transaction: the articles are searchable as soon as they
    /// are stored. For small writes (a fetch, a few files). When older
    /// articles still wait for the index, the new ones wait with them: a
    /// small write never takes on a large import's backlog (that is the
    /// background indexer's, see `ArticleStore.catchUpSearch`).
    case now
    /// Later, by `ArticleStore.catchUpSearch`: a bulk import stores its
    /// articles at twice the rate and the index catches up afterwards.
    case later
}
