import KrantCore

/// A `ReaderDataSource` over an array, with the store's order and filters,
/// that records every headline request so tests can check the reader only
/// ever asks for windows.
final class InMemorySource: ReaderDataSource, @unchecked Sendable {
    var articles: [Article]
    private(set) var requestedLimits: [Int] = []
    private(set) var countCalls = 0
    /// Rows a store would step through for the requests so far (skipped ones
    /// included): what makes a key slow in a large view.
    var rowsWalked = 0
    /// What `searchBacklog` answers: articles a store's index has not taken in.
    var unsearched = 0


    init(_ articles: [Article]) {
        self.articles = articles.enumerated().map { index, article in
            var article = article
            article.id = article.id ?? Int64(index + 1)
            return article
        }
    }

    func searchBacklog() throws -> Int { unsearched }

    private func view(_ query: HeadlineQuery) -> [Article] {
        articles.filter { article in
            (!query.unreadOnly || !article.isRead) && (!query.starredOnly || article.isStarred)
                && (query.category == nil || article.category == query.category)
                && (query.feedID == nil || (try? feedCounts())?.first { $0.id == query.feedID }?.title == article.source)
                && (query.search.map { search in
                    let haystack = Self.fold(article.title + " " + article.searchableBody)
                    return search.split(separator: " ").allSatisfy { haystack.contains(Self.fold(String($0))) }
                } ?? true)
        }.sorted { lhs, rhs in
            let (left, right) = (lhs.published?.sortKey ?? "", rhs.published?.sortKey ?? "")
            return left != right ? left > right : lhs.id! > rhs.id!
        }
    }

    /// Lower case without diacritics, as the FTS5 tokenizer matches.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().decomposedScalars.filter { !(0x300...0x36F).contains($0.value) }))
    }

    func headlines(_ query: HeadlineQuery, offset: Int, limit: Int) throws -> [Headline] {
        requestedLimits.append(limit)
        rowsWalked += offset + limit
        return view(query).dropFirst(offset).prefix(limit).map(Self.headline)
    }

    func headlines(_ query: HeadlineQuery, fromEnd: Int, limit: Int) throws -> [Headline] {
        requestedLimits.append(limit)
        rowsWalked += fromEnd + limit
        return view(query).dropLast(fromEnd).suffix(limit).map(Self.headline)
    }

    func headlines(_ query: HeadlineQuery, from anchor: Int64, forward: Bool, skip: Int, limit: Int) throws
        -> [Headline]? {
        requestedLimits.append(limit)
        rowsWalked += skip + limit
        let rows = view(query)
        guard let split = split(rows, at: anchor) else { return nil }
        let range = forward ? (split + skip)..<(split + skip + limit) : (split - skip - limit)..<(split - skip)
        return rows[range.clamped(to: rows.indices)].map(Self.headline)
    }

    func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        countCalls += 1
        let rows = view(query)
        return (rows.count, rows.count { !$0.isRead })
    }

    func position(of id: Int64, in query: HeadlineQuery, fromEnd: Bool) throws -> Int? {
        let rows = view(query)
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return nil }
        rowsWalked += fromEnd ? rows.count - index : index
        return fromEnd ? rows.count - 1 - index : index
    }

    func nearestUnread(to anchor: Int64, in query: HeadlineQuery, forward: Bool) throws
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

    func article(id: Int64) throws -> Article? { articles.first { $0.id == id } }

    func setRead(_ ids: [Int64], _ read: Bool) throws -> [Int64] {
        for index in articles.indices where ids.contains(articles[index].id!) { articles[index].isRead = read }
        return []
    }

    func setStarred(_ ids: [Int64], _ starred: Bool) throws -> [Int64] {
        for index in articles.indices where ids.contains(articles[index].id!) { articles[index].isStarred = starred }
        return []
    }

    func markAllRead(_ query: HeadlineQuery) throws -> Int {
        let ids = Set(view(query).filter { !$0.isRead }.map(\.id!))
        for index in articles.indices where ids.contains(articles[index].id!) { articles[index].isRead = true }
        return ids.count
    }

    /// Feeds are the articles' sources, numbered in order of first appearance.
    func feedCounts() throws -> [FeedCount] {
        var order: [String] = []
        for article in articles { if let source = article.source, !order.contains(source) { order.append(source) } }
        return order.enumerated().map { index, source in
            let rows = articles.filter { $0.source == source }
            return FeedCount(id: Int64(index + 1), title: source, total: rows.count, unread: rows.count { !$0.isRead })
        }
    }

    func categories() throws -> [CategoryCount] {
        Dictionary(grouping: articles.filter { $0.category != nil }, by: { $0.category! })
            .map { CategoryCount(name: $0.key, total: $0.value.count, unread: $0.value.count { !$0.isRead }) }
            .sorted { $0.name < $1.name }
    }
}

extension String {
    var decomposedScalars: [Unicode.Scalar] {
        // Decompose the few precomposed letters Dutch uses; enough for tests.
        let table: [Character: String] = ["ï": "i\u{308}", "é": "e\u{301}", "ë": "e\u{308}", "ö": "o\u{308}",
                                          "ü": "u\u{308}", "è": "e\u{300}", "á": "a\u{301}"]
        return flatMap { table[$0].map { Array($0.unicodeScalars) } ?? Array(String($0).unicodeScalars) }
    }
}
