import Foundation

/// Fetches feed documents over HTTP(S), politely: conditional GET so an
/// unchanged feed costs a 304, gzip, a bounded number of redirects, a
/// timeout per feed and a size limit, and a failure that names its reason
/// instead of an error thrown past the other feeds.
public struct FeedFetcher: Sendable {
    /// Enough for http→https plus a moved feed; more is a loop or a trap.
    static let maxRedirects = 5

    /// The limit for one whole fetch, redirects included.
    public var timeout: Duration
    /// The most bytes of (decompressed) body accepted, so a gzip bomb or an
    /// endless response is cut off rather than filling memory.
    public var sizeLimit: Int
    public var userAgent: String

    public init(timeout: Duration = .seconds(20), sizeLimit: Int = FeedParser.defaultSizeLimit,
                userAgent: String = "krant/0.1 (+terminal news reader)") {
        self.timeout = timeout
        self.sizeLimit = sizeLimit
        self.userAgent = userAgent
    }

    public func fetch(_ request: FetchRequest) async -> FetchOutcome {
        var url: URL
        switch Self.validate(request.url) {
        case .success(let valid): url = valid
        case .failure(let failure): return .failed(failure)
        }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var permanentRedirect: String?
        // A permanent hop after a temporary one does not move the feed: the
        // temporary hop may point elsewhere tomorrow.
        var movedOnlyPermanently = true
        for _ in 0...Self.maxRedirects {
            let remaining = deadline - clock.now
            guard remaining > .zero else { return .failed(.timeout(after: timeout)) }
            let outcome = await HTTPExchange.run(httpRequest(url, request), sizeLimit: sizeLimit,
                                                 timeout: remaining, reportedTimeout: timeout)
            switch outcome {
            case .success(let body, let etag, let lastModified):
                return .fetched(FetchedFeed(body: body, etag: etag, lastModified: lastModified,
                                            finalURL: url.absoluteString, permanentRedirect: permanentRedirect))
            case .notModified:
                return .notModified(permanentRedirect: permanentRedirect)
            case .failed(let failure):
                return .failed(failure)
            case .answered(let status, _):
                return .failed(.http(status: status))
            case .redirect(let status, let location):
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    return .failed(.invalidURL(location))
                }
                switch Self.validate(next.absoluteString) {
                case .success(let valid): url = valid
                case .failure(let failure): return .failed(failure)
                }
                if movedOnlyPermanently && (status == 301 || status == 308) {
                    permanentRedirect = url.absoluteString
                } else {
                    movedOnlyPermanently = false
                }
            }
        }
        return .failed(.tooManyRedirects(limit: Self.maxRedirects))
    }

    /// All requests with at most `concurrency` in flight; `progress(done, total)`
    /// after each one; results in request order.
    public func fetchAll(_ requests: [FetchRequest], concurrency: Int = 4,
                         progress: @Sendable (Int, Int) -> Void = { _, _ in }) async -> [FetchOutcome] {
        var outcomes = [FetchOutcome?](repeating: nil, count: requests.count)
        await withTaskGroup(of: (Int, FetchOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < requests.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await fetch(requests[index])) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            var done = 0
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                done += 1
                progress(done, requests.count)
                startNext()
            }
        }
        return outcomes.map { $0 ?? .failed(.connection("cancelled")) }
    }

    /// Only http and https, checked before any I/O: libcurl would happily
    /// read `file:///etc/passwd` or speak FTP for a feed URL in a config file.
    public static func validate(_ text: String) -> Swift.Result<URL, FetchFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            return .failure(.invalidURL(text))
        }
        guard scheme == "http" || scheme == "https" else { return .failure(.unsupportedScheme(scheme)) }
        guard let host = components.host, !host.isEmpty, let url = components.url else {
            return .failure(.invalidURL(text))
        }
        return .success(url)
    }

    private func httpRequest(_ url: URL, _ request: FetchRequest) -> HTTPRequest {
        var headers = [
            (name: "User-Agent", value: userAgent),
            (name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, "
                + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"),
        ]
        if let etag = request.etag { headers.append((name: "If-None-Match", value: etag)) }
        if let lastModified = request.lastModified { headers.append((name: "If-Modified-Since", value: lastModified)) }
        return HTTPRequest(url: url, headers: headers)
    }
}
