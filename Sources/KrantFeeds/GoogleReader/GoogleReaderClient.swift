import Foundation
import KrantCore

/// A client of the Google Reader API as FreshRSS, Miniflux, Inoreader, The
/// Old Reader and BazQux serve it: sign in, list subscriptions, page through
/// streams, list item ids, mark items, and subscribe, rename, move and
/// unsubscribe feeds.
///
/// Redirects are not followed (they would carry the token elsewhere), and
/// every answer is read whatever its Content-Type: FreshRSS sends JSON as
/// text/html from some endpoints.
public struct GoogleReaderClient: Sendable {
    public static let readingList = "user/-/state/com.google/reading-list"
    public static let readState = "user/-/state/com.google/read"
    public static let starredState = "user/-/state/com.google/starred"
    public static let labelPrefix = "user/-/label/"

    /// The API's base, without a trailing slash.
    public let baseURL: URL
    /// `Auth` from `login`, sent with every request after it.
    public var authToken: String?
    /// How long one request may take before the server counts as unreachable.
    public var timeout: Duration = .seconds(30)
    public var sizeLimit = 256 << 20
    public var userAgent = "krant/0.1 (+terminal news reader)"

    public init(url: URL, authToken: String? = nil) {
        self.baseURL = url
        self.authToken = authToken
    }

    /// The server's URL if krant may send a password to it: https, or plain
    /// http to this machine's loopback (a server being tried out or tested).
    public static func checkedURL(_ text: String) -> Result<URL, GoogleReaderError> {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil else {
            return .failure(.invalidURL(text))
        }
        switch scheme {
        case "https": return .success(url)
        case "http" where isLoopback(host): return .success(url)
        case "http": return .failure(.insecureURL(trimmed))
        default: return .failure(.invalidURL(text))
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    // MARK: Signing in

    /// Signs in and returns the auth token. The password goes in a POST
    /// body, never in a URL.
    public func login(user: String, password: String) async throws(GoogleReaderError) -> String {
        let body = try await send("accounts/ClientLogin", form: [("Email", user), ("Passwd", password)], authorized: false)
        for line in String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline)
        where line.hasPrefix("Auth=") {
            let token = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty { return token }
        }
        throw .badResponse(endpoint: "accounts/ClientLogin", reason: "no Auth= line")
    }

    /// The short-lived token that writing requests carry as `T`.
    public func actionToken() async throws(GoogleReaderError) -> String {
        let body = try await send("reader/api/0/token")
        return String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Reading

    public func subscriptions() async throws(GoogleReaderError) -> [RemoteSubscription] {
        let endpoint = "subscription/list"
        let body = try await send("reader/api/0/" + endpoint, query: [("output", "json")])
        return try GoogleReaderDecoder.subscriptions(body, endpoint: endpoint)
    }

    /// The items with these ids (`stream/items/contents`, which every
    /// server has; Miniflux has no `stream/contents`). Items the server no
    /// longer has are left out.
    public func contents(ofItems ids: [Int64]) async throws(GoogleReaderError) -> GoogleReaderPage {
        let body = try await send("reader/api/0/stream/items/contents", query: [("output", "json")],
                                  form: ids.map { ("i", String($0)) })
        return try GoogleReaderDecoder.page(body, endpoint: "stream/items/contents")
    }

    /// Every item id of a stream (paged), optionally leaving out read items
    /// (the reading list without read items is every unread id) or items
    /// the server got before `newerThan` (unix seconds). Pages are
    /// large: FreshRSS sorts every unread item again for each page, so
    /// 100,000 unread ids took 1.3 s in pages of 10,000 and 0.33 s in one.
    public func itemIDs(of stream: String, excludingRead: Bool = false, newerThan: Int64? = nil,
                        pageSize: Int = 100_000) async throws(GoogleReaderError) -> [Int64] {
        var ids: [Int64] = []
        var continuation: String?
        var seen = Set<String>()
        repeat {
            var query = [("s", stream), ("n", String(pageSize)), ("output", "json")]
            if excludingRead { query.append(("xt", Self.readState)) }
            if let newerThan { query.append(("ot", String(newerThan))) }
            if let continuation { query.append(("c", continuation)) }
            let body = try await send("reader/api/0/stream/items/ids", query: query)
            let page = try GoogleReaderDecoder.itemIDs(body, endpoint: "stream/items/ids")
            ids += page.ids
            // Stop on an empty page, no continuation, or one seen before.
            guard !page.ids.isEmpty, let next = page.continuation, seen.insert(next).inserted else { break }
            continuation = next
        } while true
        return ids
    }

    // MARK: Writing

    /// Adds and removes a tag (read, starred, a label) on items.
    public func editTag(_ ids: [Int64], add: String? = nil, remove: String? = nil,
                        token: String) async throws(GoogleReaderError) {
        var form = [("T", token)] + ids.map { ("i", String($0)) }
        if let add { form.append(("a", add)) }
        if let remove { form.append(("r", remove)) }
        _ = try await send("reader/api/0/edit-tag", form: form)
    }

    /// Subscribes to a feed by URL; the server fetches it and returns its stream id.
    public func quickAdd(_ url: String) async throws(GoogleReaderError) -> String {
        let endpoint = "subscription/quickadd"
        let body = try await send("reader/api/0/" + endpoint, form: [("quickadd", url)])
        return try GoogleReaderDecoder.quickAdd(body, endpoint: endpoint, url: url)
    }

    /// `subscription/edit`: `action` is "subscribe", "edit" or "unsubscribe";
    /// `title` renames, `add`/`remove` are folder labels to put it in or take it out of.
    public func editSubscription(_ action: String, stream: String, title: String? = nil, addFolder: String? = nil,
                                 removeFolder: String? = nil, token: String) async throws(GoogleReaderError) {
        var form = [("T", token), ("ac", action), ("s", stream)]
        if let title { form.append(("t", title)) }
        if let addFolder { form.append(("a", Self.labelPrefix + addFolder)) }
        if let removeFolder { form.append(("r", Self.labelPrefix + removeFolder)) }
        _ = try await send("reader/api/0/subscription/edit", form: form)
    }

    // MARK: HTTP

    /// One request: a GET with `query`, or a POST of `form`. Returns the
    /// body of a 2xx answer; everything else is a `GoogleReaderError`.
    func send(_ path: String, query: [(String, String)] = [], form: [(String, String)]? = nil,
              authorized: Bool = true) async throws(GoogleReaderError) -> Data {
        let endpoint = path.hasPrefix("reader/api/0/") ? String(path.dropFirst("reader/api/0/".count)) : path
        var text = baseURL.absoluteString + "/" + path
        if !query.isEmpty { text += "?" + Self.encode(query) }
        guard let url = URL(string: text) else { throw .invalidURL(text) }
        var request = HTTPRequest(url: url, headers: [(name: "User-Agent", value: userAgent)])
        if authorized, let authToken {
            request.headers.append((name: "Authorization", value: "GoogleLogin auth=" + authToken))
        }
        if let form {
            request.headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            request.postBody = Data(Self.encode(form).utf8)
        }
        let outcome = await HTTPExchange.run(request, sizeLimit: sizeLimit, timeout: timeout,
                                             reportedTimeout: timeout, answeringAnyStatus: true)
        switch outcome {
        case .answered(let status, let body):
            switch status {
            case 401, 403: throw .unauthorized
            case 502, 503, 504: throw .unavailable(status: status)
            default: throw .refused(endpoint: endpoint, status: status, body: Self.gist(body))
            }
        case .success(let body, _, _):
            return body
        case .redirect(_, let location):
            throw .redirected(endpoint: endpoint, location: location)
        case .notModified:
            // Asked for nothing conditional: a 304 is a server's mistake.
            throw .refused(endpoint: endpoint, status: 304, body: "")
        case .failed(let failure):
            throw .unreachable(failure)
        }
    }

    /// The first line of an error body, short and safe to print.
    static func gist(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return Sanitizer.cleanLine(text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
    }

    /// `application/x-www-form-urlencoded`, also used for queries: only
    /// unreserved characters stay as they are.
    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { name, value in
            let escape = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            return escape(name) + "=" + escape(value)
        }.joined(separator: "&")
    }
}
