import KrantCore

/// What `krant import-newsboat` did. Counts are of what is new to krant: a
/// second import of the same newsboat files adds nothing and counts nothing.
public struct NewsboatImportReport: Sendable {
    /// Subscriptions added; `feedsPresent` were subscribed already.
    public var feedsAdded = 0
    public var feedsPresent = 0
    /// Items stored for the first time, and how many of them went in read
    /// and starred; `articlesPresent` were stored already and left alone.
    public var articlesAdded = 0
    public var articlesRead = 0
    public var articlesStarred = 0
    public var articlesPresent = 0
    /// Lines of `urls` that are not subscriptions krant can take.
    public var linesSkipped = 0
    /// Items of feeds that are not in `urls` (newsboat keeps them until it
    /// cleans up), by feed URL: not imported.
    public var orphanItems: [(feedURL: String, count: Int)] = []
    /// Items newsboat marked deleted: not imported.
    public var deletedItems = 0

    public init() {}

    /// `imported N feeds, M articles (R read, S starred), K lines skipped`,
    /// and what was there already when anything was.
    public var summary: String {
        var line = "imported \(counted(feedsAdded, "feed")), \(counted(articlesAdded, "article")) "
            + "(\(articlesRead) read, \(articlesStarred) starred), \(counted(linesSkipped, "line")) skipped"
        if feedsPresent + articlesPresent > 0 {
            line += "; already in krant: \(counted(feedsPresent, "feed")), \(counted(articlesPresent, "article"))"
        }
        return line
    }
}
