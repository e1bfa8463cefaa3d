/// Runs the update loop against a data source: sends an action, performs the
/// store effects it returns (feeding their results back as actions) and hands
/// the rest (open a URL, quit) to the caller. Store calls are fast enough
/// (windowed queries, milliseconds) to run before the next frame is drawn.
public struct ReaderDriver<Source: ReaderDataSource> {
    public private(set) var state: ReaderState
    public let source: Source
    /// The view's counts, kept until something may have changed them: counting
    /// is the one query whose cost grows with the store, so scrolling to
    /// another window must not repeat it.
    private var cachedCounts: (query: HeadlineQuery, total: Int, unread: Int)?

    public init(state: ReaderState, source: Source) {
        self.state = state
        self.source = source
    }

    /// Applies `action` and everything it leads to; returns the effects only the
    /// runtime can perform (`openURL`, `quit`).
    public mutating func send(_ action: Action) -> [Effect] {
        var pending = [action]
        var external: [Effect] = []
        // A bound on follow-up actions, so a bug cannot hang the reader in a loop.
        var budget = 32
        while !pending.isEmpty, budget > 0 {
            budget -= 1
            let next = pending.removeFirst()
            if case .storeChanged = next { cachedCounts = nil }
            for effect in state.update(next) {
                do {
                    switch try perform(effect) {
                    case .result(let result): pending.append(result)
                    case .done: break
                    case .external: external.append(effect)
                    }
                } catch {
                    pending.append(.failed("Store error: \(error)"))
                }
            }
        }
        return external
    }

    private enum Outcome {
        /// The store answered; the answer goes back into `update`.
        case result(Action)
        /// A write that needs no answer: `update` already changed the screen.
        case done
        /// Not the store's to do.
        case external
    }

    private mutating func perform(_ effect: Effect) throws -> Outcome {
        switch effect {
        case .loadHeadlines(let query, var offset, let limit, let keeping):
            var selectedIndex: Int?
            if let keeping, let position = try source.position(of: keeping, in: query) {
                selectedIndex = position
                if position < offset || position >= offset + limit { offset = max(0, position - limit / 3) }
            }
            let (total, unread): (Int, Int)
            if let cached = cachedCounts, cached.query == query {
                (total, unread) = (cached.total, cached.unread)
            } else {
                (total, unread) = try source.counts(query)
                cachedCounts = (query, total, unread)
            }
            let rows = try source.headlines(query, offset: offset, limit: limit)
            return .result(.headlinesLoaded(HeadlinePage(query: query, offset: offset, rows: rows, total: total,
                                                 unread: unread, selectedIndex: selectedIndex)))
        case .loadArticle(let id):
            guard let article = try source.article(id: id) else { return .result(.failed("Article \(id) is gone")) }
            return .result(.articleLoaded(article))
        case .setRead(let ids, let read):
            cachedCounts = nil
            try source.setRead(ids, read)
            return .done
        case .setStarred(let ids, let starred):
            try source.setStarred(ids, starred)
            return .done
        case .markAllRead(let query):
            cachedCounts = nil
            try source.markAllRead(query)
            return .done
        case .loadCategories:
            let (total, unread) = try source.counts(HeadlineQuery())
            return .result(.categoriesLoaded(try source.categories(), feeds: try source.feedCounts(),
                                             all: CategoryCount(name: "Alle", total: total, unread: unread)))
        case .findUnread(let query, let index, let forward):
            guard let position = try source.unreadPosition(from: index, in: query, forward: forward) else {
                return .result(.unreadFound(nil, index: nil, forward: forward))
            }
            let headline = try source.headlines(query, offset: position, limit: 1).first
            return .result(.unreadFound(headline, index: position, forward: forward))
        case .openURL, .quit, .fetchFeeds:
            return .external
        }
    }
}
