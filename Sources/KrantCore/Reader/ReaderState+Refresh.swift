/// Fetching by itself every `refresh_minutes`, as the fetch key does: the
/// runtime sends the time (`Action.tick`), so the schedule is pure.
extension ReaderState {
    /// A fetch starts when it is due and none is running (a due time that
    /// finds one running is skipped; the running one's end sets the next).
    mutating func tick(_ now: ReaderTime) -> [Effect] {
        refresh.now = now
        guard let interval = settings.refreshSeconds, interval > 0 else { return [] }
        guard let due = refresh.nextDue else {
            refresh.nextDue = now.monotonic + interval
            return []
        }
        guard now.monotonic >= due else { return [] }
        refresh.nextDue = now.monotonic + interval
        guard fetchProgress == nil, !storeIsReadOnly else { return [] }
        refresh.automaticFetchRunning = true
        fetchProgress = text.fetchStarting
        return [.fetchFeeds]
    }

    /// Notes the end of a fetch; returns whether the timer had started it.
    mutating func fetchEnded(newArticles: Int) -> Bool {
        let automatic = refresh.automaticFetchRunning
        refresh.automaticFetchRunning = false
        if let now = refresh.now {
            refresh.lastFetch = AutoRefresh.LastFetch(hour: now.hour, minute: now.minute, newArticles: newArticles)
            if let interval = settings.refreshSeconds, interval > 0 { refresh.nextDue = now.monotonic + interval }
        }
        return automatic
    }

    /// "fetched 14:05: 3 new", once a fetch has ended.
    public var lastFetchLine: String? {
        refresh.lastFetch.map { text.lastFetched(hour: $0.hour, minute: $0.minute, newArticles: $0.newArticles) }
    }

    /// The terminal title for `unread` articles in the whole store: digits
    /// and krant's own words only, never article text.
    public func terminalTitle(unread: Int) -> String {
        text.terminalTitle(unread: unread)
    }
}
