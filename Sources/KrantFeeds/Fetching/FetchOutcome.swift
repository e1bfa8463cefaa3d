/// What fetching one feed came to.
public enum FetchOutcome: Sendable {
    case fetched(FetchedFeed)
    /// The server answered 304 to the conditional request: nothing to parse.
    case notModified
    case failed(FetchFailure)
}
