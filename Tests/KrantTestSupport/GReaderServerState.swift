import Foundation

/// What `GReaderTestServer` knows: categories, feeds and items, with
/// FreshRSS 1.24.3's rules for changing them. Not thread-safe; the server
/// holds a lock around every use.
struct GReaderServerState {
    struct Category {
        var id: Int
        var name: String
    }

    struct Feed {
        var id: Int
        var url: String
        var title: String
        var siteURL: String
        var categoryID: Int
    }

    struct Item {
        /// Insert time in microseconds, as FreshRSS's entry ids.
        var id: Int64
        var feedID: Int
        var source: GReaderTestItem
        var isRead = false
        var isStarred = false
    }

    /// Category 1 always exists, as in FreshRSS.
    static let defaultCategory = "Uncategorized"

    var categories = [Category(id: 1, name: defaultCategory)]
    var feeds: [Feed] = []
    /// Ascending by id, which is insertion order: ids only ever grow.
    var items: [Item] = []
    var knownFeeds: [String: GReaderTestFeed] = [:]
    var lastFeedID = 0
    var lastCategoryID = 1
    var lastItemID: Int64 = 0
    /// Added to the wall clock, so tests can let time pass without waiting.
    var clockOffset: Int64 = 0

    var nowMicroseconds: Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000) + clockOffset }

    func feed(id: Int) -> Feed? { feeds.first { $0.id == id } }
    func feed(url: String) -> Feed? { feeds.first { $0.url == url } }
    func category(name: String) -> Category? { categories.first { $0.name == name } }
    func category(id: Int) -> Category? { categories.first { $0.id == id } }

    /// The index of the item with `id`, by binary search.
    func index(ofItem id: Int64) -> Int? {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < items.count && items[low].id == id ? low : nil
    }

    /// The first index whose id is >= `id`.
    func lowerBound(_ id: Int64) -> Int {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func categoryID(named name: String) -> Int {
        if let existing = category(name: name) { return existing.id }
        lastCategoryID += 1
        categories.append(Category(id: lastCategoryID, name: name))
        return lastCategoryID
    }

    /// Subscribes and fetches the feed at once, as FreshRSS's addFeed does; nil for an unknown feed.
    mutating func addFeed(url: String, title: String?, categoryName: String?) -> Feed? {
        guard let known = knownFeeds[url] else { return nil }
        return addFeed(url: url, title: title, siteURL: known.siteURL, feedTitle: known.title,
                       categoryName: categoryName, items: known.items)
    }

    mutating func addFeed(url: String, title: String?, siteURL: String, feedTitle: String, categoryName: String?,
                          items: [GReaderTestItem]) -> Feed {
        lastFeedID += 1
        let categoryID = categoryName.map { self.categoryID(named: $0) } ?? 1
        let feed = Feed(id: lastFeedID, url: url, title: title.flatMap { $0.isEmpty ? nil : $0 } ?? feedTitle,
                        siteURL: siteURL, categoryID: categoryID)
        feeds.append(feed)
        insert(items, into: feed.id)
        return feed
    }

    /// New items of a feed (newest first, as feeds list them) get consecutive
    /// ids, the oldest the lowest; items whose guid the feed already has are skipped.
    mutating func insert(_ newItems: [GReaderTestItem], into feedID: Int) {
        let known = Set(items.lazy.filter { $0.feedID == feedID }.map(\.source.guid))
        var seen = Set<String>()
        let fresh = newItems.reversed().filter { !known.contains($0.guid) && seen.insert($0.guid).inserted }
        guard !fresh.isEmpty else { return }
        let first = max(nowMicroseconds, lastItemID + 1)
        items.reserveCapacity(items.count + fresh.count)
        for (offset, item) in fresh.enumerated() {
            items.append(Item(id: first + Int64(offset), feedID: feedID, source: item))
        }
        lastItemID = first + Int64(fresh.count - 1)
    }

    mutating func removeFeed(id: Int) -> Bool {
        guard feed(id: id) != nil else { return false }
        feeds.removeAll { $0.id == id }
        items.removeAll { $0.feedID == id }
        return true
    }

    mutating func move(feedID: Int, toCategory name: String?) {
        guard let index = feeds.firstIndex(where: { $0.id == feedID }) else { return }
        feeds[index].categoryID = name.map { self.categoryID(named: $0) } ?? 1
    }

    mutating func rename(feedID: Int, title: String) {
        guard let index = feeds.firstIndex(where: { $0.id == feedID }) else { return }
        feeds[index].title = title
    }

    mutating func setRead(_ ids: [Int64], _ read: Bool) {
        for id in ids { if let index = index(ofItem: id) { items[index].isRead = read } }
    }

    mutating func setStarred(_ ids: [Int64], _ starred: Bool) {
        for id in ids { if let index = index(ofItem: id) { items[index].isStarred = starred } }
    }

    /// Marks read every item with an id up to `maxID` that `matches`.
    mutating func markRead(upTo maxID: Int64, where matches: (Item) -> Bool) {
        for index in items.indices where items[index].id <= maxID && matches(items[index]) {
            items[index].isRead = true
        }
    }

    /// Categories that have feeds, by name, each with its feeds by title:
    /// the order of FreshRSS's subscription list, tag list and unread counts.
    var populatedCategories: [(category: Category, feeds: [Feed])] {
        categories.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }.compactMap { category in
            let members = feeds.filter { $0.categoryID == category.id }
                .sorted { Array($0.title.utf8).lexicographicallyPrecedes(Array($1.title.utf8)) }
            return members.isEmpty ? nil : (category, members)
        }
    }
}
