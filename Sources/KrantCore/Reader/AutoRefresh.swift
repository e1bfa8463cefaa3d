/// The reader's own fetching (`refresh_minutes`) and what the last fetch
/// brought, for the status bar. Changed only by `update`, from the times
/// `Action.tick` brings.
public struct AutoRefresh: Hashable, Sendable {
    /// The end of a fetch, as the status bar says it.
    public struct LastFetch: Hashable, Sendable {
        public var hour: Int
        public var minute: Int
        public var newArticles: Int
    }

    /// The time of the last tick.
    public var now: ReaderTime?
    /// When the next fetch of its own is due (monotonic seconds); set by the
    /// first tick, and again whenever a fetch ends, so a fetch the user
    /// asked for also puts the next one off.
    public var nextDue: Double?
    /// Whether the fetch running was started by the timer: its summary goes
    /// to the status bar's quiet part, not the message line.
    public var automaticFetchRunning = false
    /// Nil until a fetch has ended in this session.
    public var lastFetch: LastFetch?

    public init() {}
}
