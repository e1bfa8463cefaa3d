/// The reader's data layer over a `ReaderDataSource`: it answers the driver's
/// reads from the cheapest known place and sends the reader's writes to the
/// writer, and since every write passes through it, it alone keeps what it
/// knows about the store right.
///
/// What it keeps: views' counts (counting is the one query whose cost grows
/// with the store, so scrolling, `u` back and forth and the chooser's "All"
/// must not repeat it), and positions known to match the store (the last
/// window read, an article `n` found), from which the next window is read
/// instead of from the top (`WindowPlan`).
///
/// A mark is handed to the writer and may still be on its way; every read
/// first waits for the marks (`ReaderWriter.waitForMarks`), so what is read
/// back always includes them.
public struct ReaderSourceCache<Source: ReaderDataSource> {
    public let source: Source
    private let writer: any ReaderWriter
    /// Where a rewrite reports that it is committed.
    private let inbox: ReaderInbox
    /// The words of the failures it reports.
    private let text: UIText

    private var cachedCounts: [HeadlineQuery: (total: Int, unread: Int)] = [:]
    /// An article `n` found outside the window, at a known position.
    private var foundAnchor: (query: HeadlineQuery, anchor: ListAnchor)?
    /// The last window read, while its positions still match the store.
    /// Another process or a mark-all-read may move every row, so then
    /// nothing is trusted until a window has been read afresh.
    private var currentWindow: (query: HeadlineQuery, first: ListAnchor, last: ListAnchor)?
    /// Whether a mark took a row out of the view (read in an unread-only
    /// view, unstarred in a starred one). Such a row is always the selected
    /// one, so rows above the window keep their positions but the window's
    /// last row may have moved up.
    private var windowLostRows = false
    /// The search backlog reported with the last window: asked again only
    /// when the view is counted afresh, not on every window of it.
    private var lastUnsearched: (query: HeadlineQuery, count: Int)?
    /// What the deletes kept for undo, filled on the writer's thread.
    private let deletions = DeletedArticleShelf<Source.Deleted>()

    public init(source: Source, writer: any ReaderWriter = ImmediateWriter(), inbox: ReaderInbox = ReaderInbox(),
                language: Language = .english) {
        self.source = source
        self.writer = writer
        self.inbox = inbox
        self.text = UIText(language)
    }

    // MARK: - Reading

    /// `limit` rows of `query` from `offset`, with the view's counts. With
    /// `keeping`, a reload: rows may have moved, so the kept article is found
    /// afresh (counting from the end nearer to the window) and the window is
    /// read around it.
    public mutating func window(_ query: HeadlineQuery, offset: Int, limit: Int, keeping: Int64?) throws
        -> HeadlinePage {
        writer.waitForMarks()
        let recounted = cachedCounts[query] == nil
        let (total, unread) = try counts(query)
        var offset = offset
        var anchors: [ListAnchor] = []
        var selectedIndex: Int?
        if let keeping {
            let fromEnd = (offset + limit / 2) * 2 > total
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
        if let first = rows.first, let last = rows.last {
            currentWindow = (query, ListAnchor(id: first.id, index: start),
                             ListAnchor(id: last.id, index: start + rows.count - 1))
        } else {
            currentWindow = nil
        }
        windowLostRows = false
        foundAnchor = nil
        let unsearched: Int
        if query.search == nil {
            unsearched = 0
        } else if !recounted, let last = lastUnsearched, last.query == query {
            unsearched = last.count
        } else {
            unsearched = try source.searchBacklog()
        }
        lastUnsearched = (query, unsearched)
        return HeadlinePage(query: query, offset: start, rows: rows, total: total, unread: unread,
                            selectedIndex: selectedIndex, unsearched: unsearched)
    }

    public mutating func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        if let cached = cachedCounts[query] { return cached }
        writer.waitForMarks()
        let counts = try source.counts(query)
        // Every search is a view of its own: keep the cache from growing.
        if cachedCounts.count >= 16 { cachedCounts = [:] }
        cachedCounts[query] = counts
        return counts
    }

    /// What the category chooser lists, as the action that opens it.
    /// Saved queries come after every article, each with its own counts;
    /// `unreadOnly` is the view's, for a query that does not choose.
    public mutating func chooser(saved: [SavedQuery] = [], unreadOnly: Bool = false) throws -> Action {
        let (total, unread) = try counts(HeadlineQuery())
        let savedEntries = try saved.map { savedQuery in
            let query = savedQuery.headlineQuery(unreadOnly: unreadOnly)
            let (total, unread) = try counts(query)
            return ChooserEntry(kind: .saved(name: savedQuery.name, query: query), total: total, unread: unread)
        }
        writer.waitForMarks()
        return .categoriesLoaded(try source.categories(), feeds: try source.feedCounts(),
                                 all: ChooserEntry(kind: .all, total: total, unread: unread), saved: savedEntries)
    }

    /// The nearest unread article on one side of `anchor`, with its position;
    /// remembered, so the window around it is read from it.
    public mutating func nearestUnread(to anchor: ListAnchor, in query: HeadlineQuery, forward: Bool) throws
        -> (headline: Headline, index: Int)? {
        writer.waitForMarks()
        guard let (headline, distance) = try source.nearestUnread(to: anchor.id, in: query, forward: forward) else {
            return nil
        }
        let index = anchor.index + (forward ? distance : -distance)
        foundAnchor = (query, ListAnchor(id: headline.id, index: index))
        return (headline, index)
    }

    /// The whole article. Not waited on marks: an article's text does not
    /// depend on them, and opening one must not wait for a write.
    public func article(id: Int64) throws -> Article? {
        try source.article(id: id)
    }

    /// Another process or a long write of ours changed the store: counts and
    /// positions may all be wrong.
    public mutating func forgetPositions() {
        cachedCounts = [:]
        foundAnchor = nil
        currentWindow = nil
    }

    // MARK: - Writing

    /// Marks rows of `view` that the screen has just flipped.
    public mutating func setRead(_ ids: [Int64], _ read: Bool, in view: HeadlineQuery) {
        adjustCounts(flipped: ids.count, toRead: read, in: view)
        if view.unreadOnly { windowLostRows = true }
        let (source, inbox, text) = (self.source, self.inbox, self.text)
        writer.mark {
            do { try source.setRead(ids, read) } catch { Self.report(text.markNotSaved(source.describe(error)), to: inbox) }
        }
    }

    public mutating func setStarred(_ ids: [Int64], _ starred: Bool, in view: HeadlineQuery) {
        if view.starredOnly { windowLostRows = true }
        cachedCounts = cachedCounts.filter { !$0.key.starredOnly }
        let (source, inbox, text) = (self.source, self.inbox, self.text)
        writer.mark {
            do { try source.setStarred(ids, starred) } catch {
                Self.report(text.markNotSaved(source.describe(error)), to: inbox)
            }
        }
    }

    /// Marks every article of the view read; `.storeChanged` comes through
    /// the inbox once it is committed (every position and count may have
    /// moved), also when it failed, so the screen stops showing them read.
    public func markAllRead(_ query: HeadlineQuery) {
        let (source, inbox, failure) = (self.source, self.inbox, text.markAllFailed)
        inbox.begin()
        writer.rewrite {
            if (try? source.markAllRead(query)) == nil { inbox.post(.failed(failure)) }
            inbox.post(.storeChanged)
            inbox.end()
        }
    }

    /// Deletes articles; the writer runs it like a mark, so every read after
    /// it waits for it, and what was deleted is kept for `restore`. Counts
    /// and positions all move.
    public mutating func delete(_ ids: [Int64]) {
        forgetPositions()
        let (source, inbox, text, deletions) = (self.source, self.inbox, self.text, self.deletions)
        writer.mark {
            do { deletions.keep(try source.delete(ids), for: ids) } catch {
                Self.report(text.deleteFailed(source.describe(error)), to: inbox)
            }
        }
    }

    /// Puts back what `delete` deleted of `ids`.
    public mutating func restore(_ ids: [Int64]) {
        forgetPositions()
        let (source, inbox, text, deletions) = (self.source, self.inbox, self.text, self.deletions)
        writer.mark {
            guard let deleted = deletions.take(ids) else { return }
            do { try source.restore(deleted) } catch { Self.report(text.restoreFailed(source.describe(error)), to: inbox) }
        }
    }

    /// A mark that could not be stored: said, and the view read again so the
    /// screen shows what the store holds.
    private static func report(_ failure: String, to inbox: ReaderInbox) {
        inbox.post(.failed(failure))
        inbox.post(.storeChanged)
    }

    /// Moves the cached counts by a read mark instead of counting the view
    /// again (which costs the view's size): the marked rows are rows of
    /// `view` that flipped, so its unread count moves by their number.
    ///
    /// The same rows are in the view's twin that differs only in
    /// `unreadOnly`, and in every article's view; other views' counts are
    /// dropped.
    private mutating func adjustCounts(flipped count: Int, toRead read: Bool, in view: HeadlineQuery) {
        let change = read ? -count : count
        var kept: [HeadlineQuery: (total: Int, unread: Int)] = [:]
        for (query, counts) in cachedCounts {
            let anyRead = Self.anyRead(query)
            guard anyRead == HeadlineQuery() || anyRead == Self.anyRead(view) else { continue }
            kept[query] = (query.unreadOnly ? counts.total + change : counts.total, max(0, counts.unread + change))
        }
        cachedCounts = kept
    }

    private static func anyRead(_ query: HeadlineQuery) -> HeadlineQuery {
        var query = query
        query.unreadOnly = false
        return query
    }

    // MARK: - Windows

    /// Articles of `query` whose positions are known to match the store.
    private func knownAnchors(for query: HeadlineQuery) -> [ListAnchor] {
        var anchors: [ListAnchor] = []
        if let found = foundAnchor, found.query == query { anchors.append(found.anchor) }
        guard let window = currentWindow, window.query == query else { return anchors }
        anchors.append(window.first)
        if !windowLostRows { anchors.append(window.last) }
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
