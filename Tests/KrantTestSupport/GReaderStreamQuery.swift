import Foundation

/// Which items a stream request selects, and in what page, with FreshRSS
/// 1.24.3's rules: streams sort by id (insert time), `ot`/`nt` are seconds
/// compared with the id, `it`/`xt` filter on read and starred state, and `c`
/// (the last id of the previous page) is fetched again and dropped, so a full
/// last page still carries a continuation and the page after it is empty.
struct GReaderStreamQuery {
    enum Scope: Equatable {
        case all
        case starred
        case feed(Int)
        case category(Int)
        /// A feed URL or label that matches nothing.
        case none
    }

    var scope: Scope
    var count = 20
    var ascending = false
    var minSeconds = 0
    var maxSeconds = 0
    var continuation: Int64?
    /// FreshRSS's state bits: 1 read, 2 unread, 4 starred, 8 not starred.
    var state = 3

    init(scope: Scope, query: GReaderParameters) {
        self.scope = scope
        count = query.int("n") ?? 20
        ascending = query.last("r") == "o"
        minSeconds = query.int("ot") ?? 0
        maxSeconds = query.int("nt") ?? 0
        if let c = query.last("c")?.trimmingCharacters(in: .whitespaces), !c.isEmpty, c.allSatisfy(\.isASCII),
           c.allSatisfy(\.isNumber) {
            continuation = Int64(c)
        }
        switch query.last("it") {
        case "user/-/state/com.google/read": state = 1
        case "user/-/state/com.google/unread": state = 2
        case "user/-/state/com.google/starred": state = 4
        default: state = 3
        }
        switch query.last("xt") {
        case "user/-/state/com.google/read": state &= 2
        case "user/-/state/com.google/unread": state &= 1
        case "user/-/state/com.google/starred": state &= 8
        default: break
        }
    }

    /// The rows FreshRSS's query returns (the overlap row included when `c` is given).
    func rows(in state: GReaderServerState) -> [GReaderServerState.Item] {
        let limit = count + (continuation == nil ? 0 : 1)
        var rows: [GReaderServerState.Item] = []
        let items = state.items
        let low = minSeconds > 0 ? state.lowerBound(Int64(minSeconds) * 1_000_000) : 0
        var high = items.count
        if maxSeconds > 0 { high = min(high, state.lowerBound(Int64(maxSeconds) * 1_000_000 + 1)) }
        if let continuation {
            if ascending {
                return collect(items, from: max(low, state.lowerBound(continuation)), to: high, ascending: true, limit: limit, state: state)
            }
            high = min(high, state.lowerBound(continuation + 1))
        }
        rows = collect(items, from: low, to: high, ascending: ascending, limit: limit, state: state)
        return rows
    }

    private func collect(_ items: [GReaderServerState.Item], from low: Int, to high: Int, ascending: Bool, limit: Int,
                         state: GReaderServerState) -> [GReaderServerState.Item] {
        guard low < high else { return [] }
        var rows: [GReaderServerState.Item] = []
        let categoryFeeds: Set<Int>
        if case .category(let id) = scope {
            categoryFeeds = Set(state.feeds.filter { $0.categoryID == id }.map(\.id))
        } else {
            categoryFeeds = []
        }
        let indices: AnySequence<Int> = ascending ? AnySequence(low..<high) : AnySequence((low..<high).reversed())
        for index in indices {
            let item = items[index]
            guard matches(item, categoryFeeds: categoryFeeds) else { continue }
            rows.append(item)
            if limit > 0 && rows.count >= limit { break }
        }
        return rows
    }

    private func matches(_ item: GReaderServerState.Item, categoryFeeds: Set<Int>) -> Bool {
        switch scope {
        case .all: break
        case .none: return false
        case .starred: if !item.isStarred { return false }
        case .feed(let id): if item.feedID != id { return false }
        case .category: if !categoryFeeds.contains(item.feedID) { return false }
        }
        if state & 2 != 0 && state & 1 == 0 && item.isRead { return false }
        if state & 1 != 0 && state & 2 == 0 && !item.isRead { return false }
        if state & 4 != 0 && state & 8 == 0 && !item.isStarred { return false }
        if state & 8 != 0 && state & 4 == 0 && item.isStarred { return false }
        return true
    }
}

/// A request's parameters in order, repeated names kept. `last` answers as
/// PHP's `$_GET`/`$_POST` do (the last of a repeated name wins), `all` as
/// FreshRSS's `multiplePosts`.
struct GReaderParameters {
    var pairs: [(String, String)]

    func last(_ name: String) -> String? { pairs.last { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// PHP's `(int)`: leading digits, 0 when there are none.
    func int(_ name: String) -> Int? {
        guard let text = last(name) else { return nil }
        let trimmed = text.drop { $0 == " " }
        let sign = trimmed.first == "-" ? -1 : 1
        let digits = trimmed.drop { $0 == "-" || $0 == "+" }.prefix { $0.isASCII && $0.isNumber }
        return (Int(digits) ?? 0) * sign
    }
}
