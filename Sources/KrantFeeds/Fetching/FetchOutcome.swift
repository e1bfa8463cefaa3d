/// What fetching one feed came to.
public enum FetchOutcome: Sendable {
    case fetched(FetchedFeed)
    /// The server answered 304 to the conditional request: nothing to parse.
    /// A permanent redirect on the way still moves the subscription.
    case notModified(permanentRedirect: String?)
    case failed(FetchFailure)
}
