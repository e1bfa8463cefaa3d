import Foundation
import KrantCore

/// A `ReaderDataSource` over an array that answers as the store does (the
/// contract tests in `ReaderContractTests` run the same calls on both): the
/// store's order, feeds by id, search by word prefix with accents folded.
/// It records the requests, so tests can check that the reader only ever
/// asks for windows and walks the distance it moves.
public final class InMemorySource: ReaderDataSource, @unchecked Sendable {
    /// A subscription: its id, its address and (once known) its title.
    public struct Feed: Hashable, Sendable {
        public var id: Int64
        public var url: String
        public var title: String?
    }

    public var articles: [Article]
    public private(set) var feeds: [Feed] = []
    public private(set) var requestedLimits: [Int] = []
    public private(set) var countCalls = 0
    /// Rows a store would step through for the requests so far (skipped ones
    /// included): what makes a key slow in a large view.
    public var rowsWalked = 0
    /// What `searchBacklog` answers: articles a store's index has not taken in.
    public var unsearched = 0

    /// Articles without an id get their position (from 1), as a new store
    /// numbers them. Feeds are numbered as a store adds them: `feeds` first,
    /// then the address of every feed item's origin not seen before.
    public init(_ articles: [Article], feeds: [(url: String, title: String?)] = []) {
        self.articles = articles.enumerated().map { index, article in
            var article = article
            article.id = article.id ?? Int64(index + 1)
            return article
        }
        for feed in feeds { addFeed(url: feed.url, title: feed.title) }
        for article in self.articles {
            if let url = Self.feedURL(of: article) { addFeed(url: url, title: nil) }
        }
    }

    private func addFeed(url: String, title: String?) {
        guard !feeds.contains(where: { $0.url == url }) else { return }
        feeds.append(Feed(id: Int64(feeds.count + 1), url: url, title: title))
    }

    private static func feedURL(of article: Article) -> String? {
        if case .feed(let url, _) = article.origin { url } else { nil }
    }

    private func feedID(of article: Article) -> Int64? {
        Self.feedURL(of: article).flatMap { url in feeds.first { $0.url == url }?.id }
    }

    public func searchBacklog() throws -> Int { unsearched }

    private func view(_ query: HeadlineQuery) -> [Article] {
        let search = query.search.flatMap { try? SearchParser.parse($0) }?.folded(by: Self.fold)
        return articles.filter { article in
            (!query.unreadOnly || !article.isRead) && (!query.starredOnly || article.isStarred)
                && (query.category == nil || article.category == query.category)
                && (query.feedID == nil || feedID(of: article) == query.feedID)
                && (query.search?.isEmpty != false || Self.matches(article, search))
                && (query.feedName == nil || feeds.contains { feed in
                    feed.id == feedID(of: article) && (feed.url == query.feedName || feed.title == query.feedName) })
                && (query.maxAgeSeconds.map { Self.isRecent(article, seconds: $0) } ?? true)
        }.sorted { lhs, rhs in
            let (left, right) = (lhs.published?.sortKey ?? "", rhs.published?.sortKey ?? "")
            return left != right ? left > right : lhs.id! > rhs.id!
        }
    }

    /// As the store's FTS5 index (unicode61, remove_diacritics 2) with the
    /// search's terms (`SearchQuery.matches`). Text that does not parse
    /// matches nothing.
    private static func matches(_ article: Article, _ query: SearchQuery?) -> Bool {
        guard let query else { return false }
        return query.matches(title: words(article.title), body: words(article.searchableBody))
    }

    /// As the store: the sort key (the article's own time) against now in
    /// UTC, to the minute.
    private static func isRecent(_ article: Article, seconds: Int) -> Bool {
        guard let key = article.published?.sortKey else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return key >= formatter.string(from: Date().addingTimeInterval(-Double(seconds)))
    }

    /// The words of `text` (`SearchWords`), lower case, accents removed.
    static func words(_ text: String) -> [String] {
        SearchWords.of(fold(text))
    }

    static func fold(_ text: String) -> String {
        let scalars = text.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    public func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline] {
        requestedLimits.append(limit)
        rowsWalked += offset + limit
        return view(query).dropFirst(offset).prefix(limit).map(Self.headline)
    }

    public func headlines(_ query: HeadlineQuery, fromEnd: Int, limit: Int) throws -> [Headline] {
        requestedLimits.append(limit)
        rowsWalked += fromEnd + limit
        return view(query).dropLast(fromEnd).suffix(limit).map(Self.headline)
    }

    public func headlines(_ query: HeadlineQuery, from anchor: Int64, forward: Bool, skip: Int, limit: Int) throws
        -> [Headline]? {
        requestedLimits.append(limit)
        rowsWalked += skip + limit
        let rows = view(query)
        guard let split = split(rows, at: anchor) else { return nil }
        let range = forward ? (split + skip)..<(split + skip + limit) : (split - skip - limit)..<(split - skip)
        return rows[range.clamped(to: rows.indices)].map(Self.headline)
    }

    public func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        countCalls += 1
        let rows = view(query)
        return (rows.count, rows.count { !$0.isRead })
    }

    public func position(of id: Int64, in query: HeadlineQuery, fromEnd: Bool) throws -> Int? {
        let rows = view(query)
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return nil }
        rowsWalked += fromEnd ? rows.count - index : index
        return fromEnd ? rows.count - 1 - index : index
    }

    public func nearestUnread(to anchor: Int64, in query: HeadlineQuery, forward: Bool) throws
        -> (headline: Headline, distance: Int)? {
        let rows = view(query)
        guard let split = split(rows, at: anchor) else { return nil }
        let found = forward
            ? rows.indices.first { $0 >= split && rows[$0].id != anchor && !rows[$0].isRead }
            : rows.indices.last { $0 < split && !rows[$0].isRead }
        guard let found else { return nil }
        rowsWalked += abs(found - split)
        return (Self.headline(rows[found]), abs(found - split))
    }

    /// Where `anchor` splits the view: the position of the first row listed at
    /// or after it, whether or not it is in the view itself.
    private func split(_ rows: [Article], at anchor: Int64) -> Int? {
        guard let article = articles.first(where: { $0.id == anchor }) else { return nil }
        let key = (article.published?.sortKey ?? "", anchor)
        return rows.firstIndex { row in
            let rowKey = (row.published?.sortKey ?? "", row.id!)
            return rowKey.0 != key.0 ? rowKey.0 < key.0 : rowKey.1 <= key.1
        } ?? rows.count
    }

    private static func headline(_ article: Article) -> Headline {
        Headline(id: article.id!, title: article.title, source: article.source, category: article.category,
                 published: article.published, when: article.when, isRead: article.isRead,
                 isStarred: article.isStarred)
    }

    public func article(id: Int64) throws -> Article? { articles.first { $0.id == id } }

    public func setRead(_ ids: [Int64], _ read: Bool) throws -> [Int64] {
        try set(ids) { $0.isRead = read }
    }

    public func setStarred(_ ids: [Int64], _ starred: Bool) throws -> [Int64] {
        try set(ids) { $0.isStarred = starred }
    }

    /// Changes the articles; returns the ids that do not exist.
    private func set(_ ids: [Int64], _ change: (inout Article) -> Void) throws -> [Int64] {
        for index in articles.indices where ids.contains(articles[index].id!) { change(&articles[index]) }
        let known = Set(articles.map(\.id!))
        var seen = Set<Int64>()
        return ids.filter { !known.contains($0) && seen.insert($0).inserted }
    }

    public func markAllRead(_ query: HeadlineQuery) throws -> Int {
        let ids = Set(view(query).filter { !$0.isRead }.map(\.id!))
        for index in articles.indices where ids.contains(articles[index].id!) { articles[index].isRead = true }
        return ids.count
    }

    /// Deletes the articles and returns them whole, in id order, as the
    /// store does.
    public func delete(_ ids: [Int64]) throws -> [Article] {
        let gone = Set(ids)
        let deleted = articles.filter { gone.contains($0.id!) }.sorted { $0.id! < $1.id! }
        articles.removeAll { gone.contains($0.id!) }
        return deleted
    }

    /// Puts deleted articles back unless their id is taken; the view's
    /// order comes from their dates and ids, so they are back in place.
    @discardableResult public func restore(_ deleted: [Article]) throws -> [Int64] {
        var restored: [Int64] = []
        for article in deleted where !articles.contains(where: { $0.id == article.id }) {
            articles.append(article)
            restored.append(article.id!)
        }
        return restored
    }

    /// Every feed, named by its title or else its address, by name.
    public func feedCounts() throws -> [FeedCount] {
        feeds.map { feed in
            let rows = articles.filter { feedID(of: $0) == feed.id }
            return FeedCount(id: feed.id, title: feed.title ?? feed.url, total: rows.count,
                             unread: rows.count { !$0.isRead })
        }.sorted(by: Self.byName(\.title, \.id))
    }

    /// Every category of some article, by name.
    public func categories() throws -> [CategoryCount] {
        Dictionary(grouping: articles.filter { $0.category != nil }, by: { $0.category! })
            .map { CategoryCount(name: $0.key, total: $0.value.count, unread: $0.value.count { !$0.isRead }) }
            .sorted(by: Self.byName(\.name, \.name))
    }

    /// The store's order of names: ignoring case, then exactly.
    private static func byName<Row, Tie: Comparable>(_ name: KeyPath<Row, String>, _ tie: KeyPath<Row, Tie>)
        -> (Row, Row) -> Bool {
        { lhs, rhs in
            let (left, right) = (lhs[keyPath: name].lowercased(), rhs[keyPath: name].lowercased())
            return left != right ? left < right : lhs[keyPath: tie] < rhs[keyPath: tie]
        }
    }
}
