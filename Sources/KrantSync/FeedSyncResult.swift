import KrantCore
import KrantStore

/// What happened to one feed in an import or a fetch.
public struct FeedSyncResult: Sendable {
    public enum Outcome: Sendable {
        case stored(FeedItemCounts)
        case notModified
        /// A line for the user: "HTTP 404 Not Found", "not a feed (an HTML page)".
        case failed(String)
    }

    /// The feed's URL (or the file's path, for a file that is not a feed).
    public var source: String
    public var feed: FeedSubscription?
    public var outcome: Outcome
    /// Errors in the feed that were repaired or read past (see `FeedParser`).
    public var recoveredErrors: Int

    public init(source: String, feed: FeedSubscription?, outcome: Outcome, recoveredErrors: Int = 0) {
        self.source = source
        self.feed = feed
        self.outcome = outcome
        self.recoveredErrors = recoveredErrors
    }

    /// "recovered from 3 errors", as the fetch summary and `feeds list` say it.
    public static func recovered(_ count: Int) -> String {
        "recovered from " + counted(count, "error")
    }

    public var newArticles: Int {
        if case .stored(let counts) = outcome { counts.inserted } else { 0 }
    }

    public var ignoredArticles: Int {
        if case .stored(let counts) = outcome { counts.ignored } else { 0 }
    }

    /// The titles of the first new items (a few at most).
    public var newTitles: [String] {
        if case .stored(let counts) = outcome { counts.newTitles } else { [] }
    }

    public var failure: String? {
        if case .failed(let reason) = outcome { reason } else { nil }
    }
}
