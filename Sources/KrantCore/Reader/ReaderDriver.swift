/// Runs the update loop: sends an action, performs the effects it returns
/// through the data layer (`ReaderSourceCache`), feeds their results back as
/// actions, and hands the rest (open a URL, fetch, quit) to the caller.
///
/// Reads run before the next frame is drawn, so each must cost what it
/// returns or how far it moves, not the size of the view. Writes go to the
/// writer and do not hold the frame up; their later results (a mark-all-read
/// committed) come back through the inbox, which `send` empties too.
public struct ReaderDriver<Source: ReaderDataSource> {
    public private(set) var state: ReaderState
    public private(set) var data: ReaderSourceCache<Source>
    private let inbox: ReaderInbox

    public var source: Source { data.source }

    public init(state: ReaderState, source: Source, writer: any ReaderWriter = ImmediateWriter(),
                inbox: ReaderInbox = ReaderInbox()) {
        self.state = state
        self.data = ReaderSourceCache(source: source, writer: writer, inbox: inbox, language: state.settings.language)
        self.inbox = inbox
    }

    /// Applies `action` and everything it leads to; returns the effects only the
    /// runtime can perform (`openURL`, `fetchFeeds`, `quit`).
    public mutating func send(_ action: Action) -> [Effect] {
        var pending = [action]
        var external: [Effect] = []
        // A bound on follow-up actions, so a bug cannot hang the reader in a loop.
        var budget = 32
        while budget > 0 {
            if pending.isEmpty { pending = inbox.drain() }
            guard !pending.isEmpty else { break }
            budget -= 1
            let next = pending.removeFirst()
            switch next {
            case .storeChanged, .fetchFinished: data.forgetPositions()
            default: break
            }
            for effect in state.update(next) {
                do {
                    if let result = try perform(effect) { pending.append(result) }
                } catch {
                    pending.append(.failed(state.text.storeUnreadable(data.source.describe(error))))
                }
                if effect.isExternal { external.append(effect) }
            }
        }
        return external
    }

    /// How many articles of the whole store are unread, for the terminal's
    /// title: the count the data layer keeps for the "All" view, so it is
    /// counted again only after the store changed. Nil when it cannot be read.
    public mutating func storeUnread() -> Int? {
        try? data.counts(HeadlineQuery()).unread
    }

    /// Performs a store effect; returns the action that brings its answer back.
    private mutating func perform(_ effect: Effect) throws -> Action? {
        switch effect {
        case .loadHeadlines(let query, let offset, let limit, let keeping):
            return .headlinesLoaded(try data.window(query, offset: offset, limit: limit, keeping: keeping))
        case .loadArticle(let id):
            guard let article = try data.article(id: id) else { return .failed(state.text.articleGone(id)) }
            return .articleLoaded(article)
        case .setRead(let ids, let read, let view):
            data.setRead(ids, read, in: view)
        case .setStarred(let ids, let starred, let view):
            data.setStarred(ids, starred, in: view)
        case .markAllRead(let query):
            data.markAllRead(query)
        case .loadCategories:
            return try data.chooser(saved: state.settings.savedQueries, unreadOnly: state.query.unreadOnly)
        case .findUnread(let query, let anchor, let forward):
            let found = try data.nearestUnread(to: anchor, in: query, forward: forward)
            return .unreadFound(found?.headline, index: found?.index, forward: forward)
        case .deleteArticles(let ids):
            data.delete(ids)
        case .restoreArticles(let ids):
            data.restore(ids)
        case .openURL, .quit, .fetchFeeds, .openEnclosure:
            break
        }
        return nil
    }
}

extension Effect {
    /// Work only the runtime can do: the world outside the store.
    var isExternal: Bool {
        switch self {
        case .openURL, .quit, .fetchFeeds, .openEnclosure: true
        default: false
        }
    }
}
