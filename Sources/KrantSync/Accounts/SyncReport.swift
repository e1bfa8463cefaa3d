import KrantCore
import KrantFeeds

/// What one sync of an account moved in each direction, and how it ended.
public struct SyncReport: Sendable {
    public var account: String
    // Sent to the server.
    public var sentMarks = 0
    public var sentFeedChanges = 0
    /// Changes the server refused for good, in words (they were dropped).
    public var refusedFeedChanges: [String] = []
    // Received from it.
    public var newArticles = 0
    /// Articles krant had fetched itself, matched to the server's items.
    public var matchedArticles = 0
    public var ignoredArticles = 0
    public var feedsAdded = 0
    public var feedsRemoved = 0
    public var feedsChanged = 0
    public var readChanged = 0
    public var starredChanged = 0
    /// Why the sync stopped early; what was done before stays done.
    public var failure: SyncFailure?
    /// Marks still waiting to be sent after the sync.
    public var waitingMarks = 0

    public init(account: String) {
        self.account = account
    }

    /// One line: what went up, what came down, and the failure if any.
    public var summary: String {
        var up: [String] = []
        if sentMarks > 0 { up.append(counted(sentMarks, "mark")) }
        if sentFeedChanges > 0 { up.append(counted(sentFeedChanges, "feed change")) }
        var down = [counted(newArticles, "new article")]
        if matchedArticles > 0 { down.append("\(matchedArticles) matched") }
        if ignoredArticles > 0 { down.append("\(ignoredArticles) ignored") }
        if readChanged > 0 { down.append(counted(readChanged, "read change")) }
        if starredChanged > 0 { down.append(counted(starredChanged, "star change")) }
        if feedsAdded > 0 { down.append(counted(feedsAdded, "feed") + " added") }
        if feedsChanged > 0 { down.append(counted(feedsChanged, "feed") + " renamed or moved") }
        if feedsRemoved > 0 { down.append(counted(feedsRemoved, "feed") + " removed") }
        var line = "\(account): sent " + (up.isEmpty ? "nothing" : up.joined(separator: ", "))
            + "; received " + down.joined(separator: ", ")
        if let failure { line += "; stopped: \(failure)" }
        if waitingMarks > 0 { line += "; " + counted(waitingMarks, "mark") + " waiting" }
        return line
    }
}
