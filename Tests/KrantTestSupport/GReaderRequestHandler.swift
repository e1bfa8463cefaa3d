import Foundation

/// Answers one request to `GReaderTestServer` as FreshRSS 1.24.3's
/// greader.php does, in the same order of checks: the path, then the
/// Authorization header (not for /accounts), then the action token of the
/// writing calls, then the call itself. Errors are FreshRSS's plain-text
/// "Bad Request!" (400), "Unauthorized!" (401, with Google-Bad-Token) and
/// "Not Implemented!" (501); anything it does not know is a 400.
struct GReaderRequestHandler {
    let user: String
    /// 40 hex digits; ClientLogin's Auth is "user/<token>", the action token is it padded with Z to 57.
    let token: String
    let baseURL: String
    let salt: String
    /// Still percent-encoded, relative to /api/greader.php.
    let relativePath: String
    let query: GReaderParameters
    let form: GReaderParameters
    let password: String
    let authorization: String?
    private(set) var isStreamContents = false

    init(user: String, token: String, baseURL: String, salt: String, relativePath: String, query: GReaderParameters,
         form: GReaderParameters, password: String, authorization: String?) {
        self.user = user
        self.token = token
        self.baseURL = baseURL
        self.salt = salt
        self.relativePath = relativePath
        self.query = query
        self.form = form
        self.password = password
        self.authorization = authorization
    }

    static let readingList = "user/-/state/com.google/reading-list"
    static let read = "user/-/state/com.google/read"
    static let starred = "user/-/state/com.google/starred"
    static let label = "user/-/label/"

    /// `$_REQUEST`: the form wins over the query.
    private func request(_ name: String) -> String? { form.last(name) ?? query.last(name) }

    mutating func answer(_ state: inout GReaderServerState) -> TestResponse {
        let decoded = relativePath.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? relativePath
        if decoded.isEmpty && query.pairs.isEmpty { return html("OK") }
        let parts = decoded.components(separatedBy: "/")
        guard parts.count >= 3 else { return badRequest }
        if parts[1] == "accounts" {
            if parts[2] == "ClientLogin", let email = request("Email"), let passwd = request("Passwd") {
                return clientLogin(email, passwd)
            }
            return badRequest
        }
        switch authorize() {
        case .failure(let failure): return failure.response
        case .success(let authorized):
            guard parts.count >= 5, parts[1] == "reader", parts[2] == "api", parts[3] == "0" else { return badRequest }
            guard authorized else { return unauthorized }
        }
        let part = { (index: Int) -> String? in index < parts.count ? parts[index] : nil }
        switch parts[4] {
        case "stream":
            if part(5) == "contents" { return streamContents(parts, &state) }
            if part(5) == "items" {
                if part(6) == "ids", query.has("s") { return itemIDs(state) }
                if part(6) == "contents", form.has("i") {
                    isStreamContents = true
                    return itemContents(state)
                }
            }
        case "tag":
            if part(5) == "list" {
                guard query.last("output") == "json" else { return notImplemented }
                return tagList(state)
            }
        case "subscription":
            switch part(5) {
            case "list":
                guard query.last("output") == "json" else { return notImplemented }
                return subscriptionList(state)
            case "edit":
                if request("s") != nil, let action = request("ac") { return subscriptionEdit(action, &state) }
            case "quickadd":
                if let url = request("quickadd") { return quickadd(url, &state) }
            default: break
            }
        case "unread-count":
            guard query.last("output") == "json" else { return notImplemented }
            return unreadCount(state)
        case "edit-tag":
            guard tokenAccepted else { return unauthorized }
            return editTag(&state)
        case "mark-all-as-read":
            guard tokenAccepted else { return unauthorized }
            return markAllAsRead(&state)
        case "token":
            return html(String((token + String(repeating: "Z", count: 57)).prefix(57)) + "\n")
        case "user-info":
            return html("{\"userId\":\(GReaderJSON.string(user)),\"userName\":\(GReaderJSON.string(user)),"
                        + "\"userProfileId\":\(GReaderJSON.string(user)),\"userEmail\":\"\"}")
        default: break
        }
        return badRequest
    }

    // MARK: Accounts

    private func clientLogin(_ email: String, _ passwd: String) -> TestResponse {
        guard Self.isUsername(email) else { return badRequest }
        guard email == user, passwd == password else { return unauthorized }
        let auth = "\(user)/\(token)"
        return .text("SID=\(auth)\nLSID=null\nAuth=\(auth)\n", headers: [("Content-Type", "text/plain; charset=UTF-8")])
    }

    /// success(true) for the right user and hash, success(false) for no usable header.
    private func authorize() -> Result<Bool, Failure> {
        guard let header = authorization, let range = header.range(of: "GoogleLogin auth=") else { return .success(false) }
        let value = header[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let halves = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { return .success(false) }
        guard Self.isUsername(String(halves[0])) else { return .failure(Failure(badRequest)) }
        guard halves[0] == user, halves[1] == token else { return .failure(Failure(unauthorized)) }
        return .success(true)
    }

    struct Failure: Error {
        var response: TestResponse
        init(_ response: TestResponse) { self.response = response }
    }

    private var tokenAccepted: Bool {
        let given = (form.last("T") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return given.isEmpty || given == "x" || given == String((token + String(repeating: "Z", count: 57)).prefix(57))
    }

    private static func isUsername(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber || first == "_",
              (2...39).contains(name.count) else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.@-".contains($0)) }
    }

    // MARK: Streams

    private mutating func streamContents(_ parts: [String], _ state: inout GReaderServerState) -> TestResponse {
        var parts = parts
        if parts.count <= 6, let s = query.last("s") { parts += s.components(separatedBy: "/") }
        let part = { (index: Int) -> String? in index < parts.count ? parts[index] : nil }
        let scope: GReaderStreamQuery.Scope
        if let kind = part(6), let target = part(7) {
            if kind == "feed" {
                scope = feedScope(numeric: target, state)
            } else if kind == "user", let group = part(8), let name = part(9) {
                if group == "state", name == "com.google", let which = part(10), which == "reading-list" || which == "starred" {
                    scope = which == "starred" ? .starred : .all
                } else if group == "label" {
                    scope = labelScope(name, state)
                } else {
                    return badRequest
                }
            } else {
                return badRequest
            }
        } else {
            scope = .all
        }
        isStreamContents = true
        let selection = GReaderStreamQuery(scope: scope, query: query)
        let rows = selection.rows(in: state)
        let shown = selection.continuation == nil ? rows[...] : rows.dropFirst()
        var json = "{\"id\":\"\(Self.readingList)\",\"updated\":\(state.nowMicroseconds / 1_000_000),\"items\":["
        json += shown.compactMap { GReaderJSON.item($0, in: state) }.joined(separator: ",") + "]"
        if rows.count >= selection.count, let last = rows.last { json += ",\"continuation\":\"\(last.id)\"" }
        return jsonResponse(json + "}")
    }

    /// feed/12 by id; feed/<url> by the URL, taken percent-encoded from the path as FreshRSS does.
    private func feedScope(numeric target: String, _ state: GReaderServerState) -> GReaderStreamQuery.Scope {
        if let id = Int(target) { return .feed(id) }
        guard let range = relativePath.range(of: "/reader/api/0/stream/contents/feed/") else { return .none }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'!*()%$_.~+-")
        let encoded = relativePath[range.upperBound...].prefix { allowed.contains($0) }
        let url = String(encoded).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(encoded)
        return state.feed(url: url).map { .feed($0.id) } ?? .none
    }

    /// A category by name; an unknown label is the whole reading list in FreshRSS 1.24.3.
    private func labelScope(_ name: String, _ state: GReaderServerState) -> GReaderStreamQuery.Scope {
        state.category(name: name).map { .category($0.id) } ?? .all
    }

    private func itemIDs(_ state: GReaderServerState) -> TestResponse {
        let streamID = query.last("s") ?? ""
        let scope: GReaderStreamQuery.Scope
        if streamID == Self.starred {
            scope = .starred
        } else if streamID.hasPrefix("feed/") {
            let target = String(streamID.dropFirst(5))
            scope = Int(target).map { .feed($0) } ?? (state.feed(url: target).map { .feed($0.id) } ?? .none)
        } else if streamID.hasPrefix(Self.label) {
            scope = labelScope(String(streamID.dropFirst(Self.label.count)), state)
        } else {
            scope = .all
        }
        let selection = GReaderStreamQuery(scope: scope, query: query)
        var rows = selection.rows(in: state)[...]
        if selection.continuation != nil { rows = rows.dropFirst() }
        var json = "{\"itemRefs\":[" + rows.map { "{\"id\":\"\($0.id)\"}" }.joined(separator: ",") + "]"
        if rows.count >= selection.count, let last = rows.last { json += ",\"continuation\":\"\(last.id)\"" }
        return html(json + "}\n")
    }

    private func itemContents(_ state: GReaderServerState) -> TestResponse {
        let ids = Set(form.all("i").compactMap(Self.itemID))
        var rows = state.items.filter { ids.contains($0.id) }
        if query.last("r") != "o" { rows.reverse() }
        var json = "{\"id\":\"\(Self.readingList)\",\"updated\":\(state.nowMicroseconds / 1_000_000),\"items\":["
        json += rows.compactMap { GReaderJSON.item($0, in: state) }.joined(separator: ",") + "]}"
        return jsonResponse(json)
    }

    /// Decimal ids as they are; anything else (the long form, or a decimal
    /// with a leading zero) is read as hex after its last slash, as FreshRSS does.
    static func itemID(_ text: String) -> Int64? {
        if let first = text.first, first != "0", text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int64(text) }
        let hex = text.split(separator: "/").last.map(String.init) ?? text
        return Int64(hex, radix: 16)
    }

    // MARK: Lists

    private func tagList(_ state: GReaderServerState) -> TestResponse {
        var tags = ["{\"id\":\"\(Self.starred)\"}"]
        for (category, _) in state.populatedCategories {
            tags.append("{\"id\":" + GReaderJSON.string(Self.label + category.name) + ",\"type\":\"folder\"}")
        }
        return jsonResponse("{\"tags\":[" + tags.joined(separator: ",") + "]}\n")
    }

    private func subscriptionList(_ state: GReaderServerState) -> TestResponse {
        var entries: [String] = []
        for (category, feeds) in state.populatedCategories {
            for feed in feeds {
                entries.append("{\"id\":\"feed/\(feed.id)\",\"title\":" + GReaderJSON.string(feed.title)
                    + ",\"categories\":[{\"id\":" + GReaderJSON.string(Self.label + category.name)
                    + ",\"label\":" + GReaderJSON.string(category.name) + "}],\"url\":" + GReaderJSON.string(feed.url)
                    + ",\"htmlUrl\":" + GReaderJSON.string(feed.siteURL)
                    + ",\"iconUrl\":" + GReaderJSON.string(baseURL + "/f.php?" + Self.crc32Hex(salt + feed.url)) + "}")
            }
        }
        return jsonResponse("{\"subscriptions\":[" + entries.joined(separator: ",") + "]}\n")
    }

    private func unreadCount(_ state: GReaderServerState) -> TestResponse {
        var newest: [Int: Int64] = [:]
        var unread: [Int: Int] = [:]
        for item in state.items {
            newest[item.feedID] = max(newest[item.feedID] ?? 0, item.id)
            if !item.isRead { unread[item.feedID, default: 0] += 1 }
        }
        var counts: [String] = []
        var total = 0
        var totalNewest: Int64 = 0
        func count(_ id: String, _ number: Int, _ newest: Int64) -> String {
            "{\"id\":" + GReaderJSON.string(id) + ",\"count\":\(number),\"newestItemTimestampUsec\":\"\(newest)\"}"
        }
        for (category, feeds) in state.populatedCategories {
            var categoryUnread = 0
            var categoryNewest: Int64 = 0
            for feed in feeds {
                counts.append(count("feed/\(feed.id)", unread[feed.id] ?? 0, newest[feed.id] ?? 0))
                categoryUnread += unread[feed.id] ?? 0
                categoryNewest = max(categoryNewest, newest[feed.id] ?? 0)
            }
            counts.append(count(Self.label + category.name, categoryUnread, categoryNewest))
            total += categoryUnread
            totalNewest = max(totalNewest, categoryNewest)
        }
        counts.append(count(Self.readingList, total, totalNewest))
        return jsonResponse("{\"max\":\(total),\"unreadcounts\":[" + counts.joined(separator: ",") + "]}\n")
    }

    // MARK: Writing

    private func subscriptionEdit(_ action: String, _ state: inout GReaderServerState) -> TestResponse {
        guard ["subscribe", "unsubscribe", "edit"].contains(action) else { return badRequest }
        let add = request("a") ?? "", remove = request("r") ?? ""
        var categoryName: String?
        if add.hasPrefix("user/") {
            if add.hasPrefix(Self.label) {
                categoryName = String(add.dropFirst(Self.label.count))
            } else if add.hasPrefix("user/\(user)/label/") {
                categoryName = String(add.dropFirst("user/\(user)/label/".count))
            }
            if categoryName == "" { categoryName = nil }
        }
        let toDefault = !add.hasPrefix("user/") && remove.hasPrefix(Self.label)
        let streams = form.has("s") ? form.all("s") : query.all("s").suffix(1)
        let titles = form.has("t") ? form.all("t") : query.all("t").suffix(1)
        guard !streams.isEmpty else { return badRequest }
        for index in streams.indices.reversed() {
            guard streams[index].hasPrefix("feed/") else { continue }
            var target = streams[index]
            while target.hasPrefix("feed/") { target.removeFirst(5) }
            let title = index < titles.count ? titles[index] : ""
            let feedID: Int
            if let number = Int(target), target.allSatisfy(\.isNumber) {
                if action == "subscribe" { continue }
                feedID = number
            } else {
                feedID = state.feed(url: target)?.id ?? -1
            }
            switch action {
            case "subscribe":
                guard feedID <= 0, state.addFeed(url: target, title: title, categoryName: categoryName) != nil else {
                    return badRequest
                }
            case "unsubscribe":
                guard feedID > 0, state.removeFeed(id: feedID) else { return badRequest }
            default:
                guard feedID > 0, state.feed(id: feedID) != nil else { return badRequest }
                if let categoryName { state.move(feedID: feedID, toCategory: categoryName) }
                else if toDefault { state.move(feedID: feedID, toCategory: nil) }
                if !title.isEmpty { state.rename(feedID: feedID, title: title) }
            }
        }
        return html("OK")
    }

    private func quickadd(_ url: String, _ state: inout GReaderServerState) -> TestResponse {
        let target = url.hasPrefix("feed/") ? String(url.dropFirst(5)) : url
        guard state.feed(url: target) == nil else {
            return html("{\"numResults\":0,\"error\":\"Feed already subscribed\"}")
        }
        guard let feed = state.addFeed(url: target, title: nil, categoryName: nil) else {
            return html("{\"numResults\":0,\"error\":\"Feed cannot be fetched\"}")
        }
        return html("{\"numResults\":1,\"query\":" + GReaderJSON.string(feed.url) + ",\"streamId\":\"feed/\(feed.id)\","
                    + "\"streamName\":" + GReaderJSON.string(feed.title) + "}")
    }

    private func editTag(_ state: inout GReaderServerState) -> TestResponse {
        let ids = form.all("i").compactMap(Self.itemID)
        switch form.last("a") {
        case Self.read: state.setRead(ids, true)
        case Self.starred: state.setStarred(ids, true)
        default: break  // user labels on items ("tags") are not modelled
        }
        switch form.last("r") {
        case Self.read: state.setRead(ids, false)
        case Self.starred: state.setStarred(ids, false)
        default: break
        }
        return html("OK")
    }

    private func markAllAsRead(_ state: inout GReaderServerState) -> TestResponse {
        let streamID = (form.last("s") ?? "").trimmingCharacters(in: .whitespaces)
        let ts = (form.last("ts") ?? "0").trimmingCharacters(in: .whitespaces)
        guard !ts.isEmpty, ts.allSatisfy({ $0.isASCII && $0.isNumber }) else { return badRequest }
        var maxID = Int64(ts) ?? Int64.max
        if maxID == 0 { maxID = state.nowMicroseconds / 1_000_000 * 1_000_000 }
        if streamID.hasPrefix("feed/") {
            guard let feedID = Int(streamID.split(separator: "/").last ?? "") else { return badRequest }
            state.markRead(upTo: maxID) { $0.feedID == feedID }
        } else if streamID.hasPrefix(Self.label) {
            guard let category = state.category(name: String(streamID.dropFirst(Self.label.count))) else { return badRequest }
            let feeds = Set(state.feeds.filter { $0.categoryID == category.id }.map(\.id))
            state.markRead(upTo: maxID) { feeds.contains($0.feedID) }
        } else if streamID == Self.readingList {
            state.markRead(upTo: maxID) { _ in true }
        } else {
            return badRequest
        }
        return html("OK")
    }

    // MARK: Answers

    private func html(_ body: String) -> TestResponse {
        .text(body, headers: [("Content-Type", "text/html; charset=UTF-8")])
    }

    private func jsonResponse(_ body: String) -> TestResponse {
        .text(body, headers: [("Content-Type", "application/json; charset=UTF-8")])
    }

    private var badRequest: TestResponse { plain("Bad Request!", 400) }
    private var notImplemented: TestResponse { plain("Not Implemented!", 501) }
    private var unauthorized: TestResponse {
        .text("Unauthorized!", status: 401, headers: [("Content-Type", "text/plain; charset=UTF-8"), ("Google-Bad-Token", "true")])
    }

    private func plain(_ body: String, _ status: Int) -> TestResponse {
        .text(body, status: status, headers: [("Content-Type", "text/plain; charset=UTF-8")])
    }

    /// The favicon id FreshRSS puts in iconUrl (a crc32b of salt and URL).
    private static func crc32Hex(_ text: String) -> String {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in text.utf8 {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        let hex = String(crc ^ 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
