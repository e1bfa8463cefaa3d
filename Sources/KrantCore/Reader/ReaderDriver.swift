/// Runs the update loop against a data source: sends an action, performs the
/// store effects it returns (feeding their results back as actions) and hands
/// the rest (open a URL, quit) to the caller. Store calls run before the next
/// frame is drawn, so each must cost what it returns or how far it moves, not
/// the size of the view: windows are read from the nearest known place
/// (`WindowPlan`), unread articles by keyset from the window's edge.
public struct ReaderDriver<Source: ReaderDataSource> {
    public private(set) var state: ReaderState
    public let source: Source
    /// Views' counts, kept until something may have changed them: counting is
    /// the one query whose cost grows with the store, so scrolling, `u` back
    /// and forth and the chooser's "Alle" must not repeat it.
    private var cachedCounts: [HeadlineQuery: (total: Int, unread: Int)] = [:]
    /// An article `n` found outside the window, at a known position: the
    /// window around it is read from it instead of from the top.
    private var foundAnchor: (query: HeadlineQuery, anchor: ListAnchor)?
    /// Whether the loaded window's positions still match the store. Another
    /// process or a mark-all-read may move every row, so then nothing is
    /// trusted until a reload has counted afresh.
    private var windowIsCurrent = false
    /// Whether a write of ours took a row out of the view (read in an
    /// unread-only view, unstarred in a starred one). Such a row is always the
    /// selected one, so rows above the window keep their positions but the
    /// window's last row may have moved up.
    private var windowLostRows = false

    /// When set, marking a whole view read is handed to the runtime to run
    /// off the main thread (it rewrites thousands of rows); the runtime sends
    /// `.storeChanged` when it is committed. The screen shows the result at
    /// once either way: `update` marks the loaded rows itself.
    public var writesInBackground = false

    /// Called before a read or starred mark is written, in order with the
    /// effects around it (the window read after an open must see the mark):
    /// the runtime waits there for a mark-all-read still being written, so
    /// `A` can never overtake a later mark.
    public var beforeMarking: () -> Void = {}

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
            switch next {
            case .storeChanged, .fetchFinished: forgetPositions()
            default: break
            }
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
        case .loadHeadlines(let query, let offset, let limit, let keeping):
            return .result(.headlinesLoaded(try loadWindow(query, offset: offset, limit: limit, keeping: keeping)))
        case .loadArticle(let id):
            guard let article = try source.article(id: id) else { return .result(.failed("Article \(id) is gone")) }
            return .result(.articleLoaded(article))
        case .setRead(let ids, let read):
            adjustCounts(flipped: ids.count, toRead: read)
            if state.query.unreadOnly { windowLostRows = true }
            beforeMarking()
            try source.setRead(ids, read)
            return .done
        case .setStarred(let ids, let starred):
            if state.query.starredOnly { windowLostRows = true }
            cachedCounts = cachedCounts.filter { !$0.key.starredOnly }
            beforeMarking()
            try source.setStarred(ids, starred)
            return .done
        case .markAllRead(let query):
            if writesInBackground { return .external }
            try source.markAllRead(query)
            // Every position and count may have moved: read the view again.
            return .result(.storeChanged)
        case .loadCategories:
            let (total, unread) = try counts(HeadlineQuery())
            return .result(.categoriesLoaded(try source.categories(), feeds: try source.feedCounts(),
                                             all: CategoryCount(name: "Alle", total: total, unread: unread)))
        case .findUnread(let query, let anchor, let forward):
            guard let (headline, distance) = try source.nearestUnread(to: anchor.id, in: query, forward: forward) else {
                return .result(.unreadFound(nil, index: nil, forward: forward))
            }
            let index = anchor.index + (forward ? distance : -distance)
            foundAnchor = (query, ListAnchor(id: headline.id, index: index))
            return .result(.unreadFound(headline, index: index, forward: forward))
        case .openURL, .quit, .fetchFeeds:
            return .external
        }
    }

    private mutating func forgetPositions() {
        cachedCounts = [:]
        foundAnchor = nil
        windowIsCurrent = false
    }

    /// Moves the cached counts by a read-state write instead of counting the
    /// view again (which costs the view's size). `update` asks to set only
    /// rows of the current view that it has just flipped on screen, so the
    /// view's unread count moves by exactly their number.
    ///
    /// The same rows are in the view's twin that differs only in `unreadOnly`,
    /// and in every article's view; other views' counts are dropped.
    private mutating func adjustCounts(flipped count: Int, toRead read: Bool) {
        let change = read ? -count : count
        var kept: [HeadlineQuery: (total: Int, unread: Int)] = [:]
        for (query, counts) in cachedCounts {
            let anyRead = Self.anyRead(query)
            guard anyRead == HeadlineQuery() || anyRead == Self.anyRead(state.query) else { continue }
            kept[query] = (query.unreadOnly ? counts.total + change : counts.total, max(0, counts.unread + change))
        }
        cachedCounts = kept
    }

    private static func anyRead(_ query: HeadlineQuery) -> HeadlineQuery {
        var query = query
        query.unreadOnly = false
        return query
    }

    private mutating func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        if let cached = cachedCounts[query] { return cached }
        let counts = try source.counts(query)
        // Every search is a view of its own: keep the cache from growing.
        if cachedCounts.count >= 16 { cachedCounts = [:] }
        cachedCounts[query] = counts
        return counts
    }

    /// Reads `limit` rows of `query` from `offset`. With `keeping`, a reload:
    /// rows may have moved, so the kept article is found afresh (counting from
    /// the end nearer to where it was) and the window is read around it.
    private mutating func loadWindow(_ query: HeadlineQuery, offset: Int, limit: Int, keeping: Int64?) throws
        -> HeadlinePage {
        let recounted = cachedCounts[query] == nil
        let (total, unread) = try counts(query)
        var offset = offset
        var anchors: [ListAnchor] = []
        var selectedIndex: Int?
        if let keeping {
            let fromEnd = state.selection * 2 > state.page.total
            if var position = try source.position(of: keeping, in: query, fromEnd: fromEnd) {
                if fromEnd { position = total - 1 - position }
                selectedIndex = position
                anchors = [ListAnchor(id: keeping, index: position)]
                if position < offset || position >= offset + limit { offset = max(0, position - limit / 3) }
            }
        } else {
            anchors = knownAnchors(for: query)
        }
        let (start, rows) = try readWindow(query, offset: offset, limit: limit, total: total, anchors: anchors)
        windowIsCurrent = true
        windowLostRows = false
        foundAnchor = nil
        // Asked when the view is counted, not on every window of it.
        let unsearched = query.search == nil ? 0
            : recounted || state.page.query != query ? try source.searchBacklog() : state.page.unsearched
        return HeadlinePage(query: query, offset: start, rows: rows, total: total, unread: unread,
                            selectedIndex: selectedIndex, unsearched: unsearched)
    }

    /// Articles of `query` whose positions are known to match the store.
    private func knownAnchors(for query: HeadlineQuery) -> [ListAnchor] {
        var anchors: [ListAnchor] = []
        if let found = foundAnchor, found.query == query { anchors.append(found.anchor) }
        let page = state.page
        guard windowIsCurrent, page.query == query, let first = page.rows.first, let last = page.rows.last else {
            return anchors
        }
        anchors.append(ListAnchor(id: first.id, index: page.offset))
        if !windowLostRows { anchors.append(ListAnchor(id: last.id, index: page.offset + page.rows.count - 1)) }
        return anchors
    }

    /// The window and the position of its first row (which differs from
    /// `offset` only when the store holds fewer rows than the anchor implied).
    private func readWindow(_ query: HeadlineQuery, offset: Int, limit: Int, total: Int, anchors: [ListAnchor]) throws
        -> (Int, [Headline]) {
        switch WindowPlan.choose(offset: offset, limit: limit, total: total, anchors: anchors) {
        case .top(let offset, let limit):
            return (offset, limit == 0 ? [] : try source.headlines(query, offset: offset, limit: limit))
        case .bottom(let fromEnd, let limit):
            return (offset, limit == 0 ? [] : try source.headlines(query, fromEnd: fromEnd, limit: limit))
        case .anchored(let anchor, let beforeSkip, let before, let afterSkip, let after):
            let above = before == 0 ? [] : try source.headlines(query, from: anchor.id, forward: false,
                                                                skip: beforeSkip, limit: before)
            let below = after == 0 ? [] : try source.headlines(query, from: anchor.id, forward: true,
                                                               skip: afterSkip, limit: after)
            guard let above, let below else {
                // The anchor article is gone: fall back to the ends.
                return try readWindow(query, offset: offset, limit: limit, total: total, anchors: [])
            }
            let start = before == 0 ? offset : anchor.index - beforeSkip - above.count
            return (max(0, start), above + below)
        }
    }
}
