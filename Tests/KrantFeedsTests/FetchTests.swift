import CCurl
import Foundation
import KrantTestSupport
import Testing
@testable import KrantFeeds

/// FeedFetcher against a server in this process on 127.0.0.1: no test
/// contacts anything else.
@Suite struct FetchTests {
    static let feed = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"

    /// The limit for fetches that are not about timeouts. Generous on
    /// purpose: while other suites block the test runner's few threads
    /// (tmux and command-line tests wait on processes), an async fetch can
    /// sit ready but unscheduled for seconds, and a wall-clock limit of 5 s
    /// then failed about one full run in three.
    static let patience: Duration = .seconds(60)

    @Test func anETagTurnsTheSecondFetchIntoA304() async throws {
        let server = try FetchTestServer(routes: ["/feed": { request in
            request.header("If-None-Match") == "\"v1\""
                ? TestResponse(status: 304, headers: [("ETag", "\"v1\"")])
                : .text(Self.feed, headers: [("ETag", "\"v1\""), ("Content-Type", "application/rss+xml")])
        }])
        let fetcher = FeedFetcher(timeout: Self.patience)
        let first = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/feed"))))
        #expect(String(decoding: first.body, as: UTF8.self) == Self.feed)
        #expect(first.etag == "\"v1\"")
        #expect(first.lastModified == nil)
        #expect(first.finalURL == server.url("/feed"))
        #expect(first.permanentRedirect == nil)

        let second = await fetcher.fetch(FetchRequest(url: server.url("/feed"), etag: first.etag))
        guard case .notModified = second else {
            Issue.record("expected 304, got \(second)")
            return
        }
        #expect(server.requests.map { $0.header("If-None-Match") } == [nil, "\"v1\""])
        #expect(server.requests[0].header("User-Agent") == "krant/0.1 (+terminal news reader)")
    }

    @Test func lastModifiedTurnsTheSecondFetchIntoA304() async throws {
        let stamp = "Wed, 19 Jun 2024 09:29:00 GMT"
        let server = try FetchTestServer(routes: ["/feed": { request in
            request.header("If-Modified-Since") == stamp
                ? TestResponse(status: 304)
                : .text(Self.feed, headers: [("Last-Modified", stamp)])
        }])
        let fetcher = FeedFetcher(timeout: Self.patience)
        let first = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/feed"))))
        #expect(first.lastModified == stamp)
        #expect(first.etag == nil)
        let second = await fetcher.fetch(FetchRequest(url: server.url("/feed"), lastModified: stamp))
        guard case .notModified = second else {
            Issue.record("expected 304, got \(second)")
            return
        }
    }

    @Test func aPermanentRedirectIsReportedAndATemporaryOneIsNot() async throws {
        let server = try FetchTestServer(routes: [
            "/moved": { _ in TestResponse(status: 301, headers: [("Location", "/feed?edition=nl")]) },
            "/moved-308": { _ in TestResponse(status: 308, headers: [("Location", "/moved")]) },
            "/away": { _ in TestResponse(status: 302, headers: [("Location", "/feed?edition=nl")]) },
            "/away-then-moved": { _ in TestResponse(status: 307, headers: [("Location", "/moved")]) },
            "/feed?edition=nl": { _ in .text(Self.feed) },
        ])
        let fetcher = FeedFetcher(timeout: Self.patience)
        let moved = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/moved"))))
        #expect(moved.permanentRedirect == server.url("/feed?edition=nl"))
        #expect(moved.finalURL == server.url("/feed?edition=nl"))
        #expect(String(decoding: moved.body, as: UTF8.self) == Self.feed)

        let twice = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/moved-308"))))
        #expect(twice.permanentRedirect == server.url("/feed?edition=nl"))

        let away = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/away"))))
        #expect(away.permanentRedirect == nil)
        #expect(away.finalURL == server.url("/feed?edition=nl"))

        let mixed = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/away-then-moved"))))
        #expect(mixed.permanentRedirect == nil)
    }

    @Test func redirectLoopsAndRedirectsToOtherSchemesFail() async throws {
        let server = try FetchTestServer(routes: [
            "/loop": { _ in TestResponse(status: 302, headers: [("Location", "/loop")]) },
            "/to-file": { _ in TestResponse(status: 301, headers: [("Location", "file:///etc/passwd")]) },
        ])
        let fetcher = FeedFetcher(timeout: Self.patience)
        #expect(try failure(await fetcher.fetch(FetchRequest(url: server.url("/loop"))))
                == .tooManyRedirects(limit: 5))
        #expect(server.requests.count == 6)
        #expect(try failure(await fetcher.fetch(FetchRequest(url: server.url("/to-file"))))
                == .unsupportedScheme("file"))
    }

    @Test func httpErrorsReportTheirStatus() async throws {
        let server = try FetchTestServer(routes: [
            "/broken": { _ in .text("<h1>oops</h1>", status: 500) },
        ])
        let fetcher = FeedFetcher(timeout: Self.patience)
        let missing = try failure(await fetcher.fetch(FetchRequest(url: server.url("/missing"))))
        #expect(missing == .http(status: 404))
        #expect(missing.description == "HTTP 404 Not Found")
        let broken = try failure(await fetcher.fetch(FetchRequest(url: server.url("/broken"))))
        #expect(broken == .http(status: 500))
        #expect(broken.description == "HTTP 500 Internal Server Error")
    }

    /// The server answers only once the client has hung up (or after a
    /// deadline that only a hang reaches), so a fetch that waited for the
    /// server would come back fetched, not timed out. The server watches for
    /// the hang-up itself, on its own thread: in a full `swift test` on two
    /// cores, other targets' blocking tests can hold the cooperative pool and
    /// delay this test's `await` by seconds, so nothing here measures time.
    @Test func aSlowServerTimesOutWithoutHoldingUpTheTest() async throws {
        /// 1 once the server saw the client hang up, 2 when it gave up waiting and answered.
        let watched = FetchCounter()
        let server = try FetchTestServer(routes: ["/slow": { _ in
            TestResponse(status: 200, body: Data(Self.feed.utf8), prelude: { connection in
                watched.add(connection.waitForHangUp(within: 30) ? 1 : 2)
            })
        }])
        let fetcher = FeedFetcher(timeout: .milliseconds(500))
        let outcome = try failure(await fetcher.fetch(FetchRequest(url: server.url("/slow"))))
        #expect(outcome == .timeout(after: .milliseconds(500)))
        #expect(outcome.description == "timed out after 0.5 s")
        #expect(server.requests.map(\.path) == ["/slow"], "one request, not retried")
        // The client closes its connection when it gives up, rather than leaving it open.
        let deadline = ContinuousClock.now + Self.patience
        while watched.value == 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(watched.value == 1, "the server never saw the client hang up")
    }

    @Test func aGzipBodyArrivesDecoded() async throws {
        let text = String(repeating: "<item><title>Kabinet valt</title></item>\n", count: 3000)
        let server = try FetchTestServer(routes: ["/feed": { request in
            guard request.header("Accept-Encoding")?.contains("gzip") == true else { return .text(text) }
            return TestResponse(status: 200, headers: [("Content-Encoding", "gzip")],
                                body: FetchGzip.encode(Data(text.utf8)))
        }])
        let feed = try fetched(await FeedFetcher(timeout: Self.patience).fetch(FetchRequest(url: server.url("/feed"))))
        #expect(server.requests.first?.header("Accept-Encoding") == "gzip")
        #expect(feed.body == Data(text.utf8))
    }

    @Test func aBodyOverTheLimitIsAbandonedWhileDownloading() async throws {
        let total = 1024 * 1024 * 1024
        let written = FetchCounter()
        let hungUp = FetchCounter()
        let server = try FetchTestServer(routes: [
            "/endless": { _ in
                TestResponse(status: 200, stream: { connection in
                    let chunk = Data(repeating: 0x41, count: 64 * 1024)
                    while written.value < total {
                        guard connection.write(chunk) else {
                            hungUp.add(1)
                            return
                        }
                        written.add(chunk.count)
                        // A fast network, not an infinitely fast one.
                        Thread.sleep(forTimeInterval: 0.001)
                    }
                })
            },
            "/announced": { _ in
                TestResponse(status: 200, headers: [("Content-Length", "\(total)")], stream: { connection in
                    _ = connection.write(Data(repeating: 0x41, count: 64 * 1024))
                })
            },
        ])
        let fetcher = FeedFetcher(timeout: Self.patience, sizeLimit: 100_000)
        let endless = try failure(await fetcher.fetch(FetchRequest(url: server.url("/endless"))))
        #expect(endless == .tooLarge(limit: 100_000))
        #expect(endless.description == "larger than 100000 bytes")
        #expect(try failure(await fetcher.fetch(FetchRequest(url: server.url("/announced"))))
                == .tooLarge(limit: 100_000))
        // The client hangs up long before the server could send it all (16 s
        // at least, at one chunk a millisecond): the server's write fails. The
        // deadline only keeps a client that never hangs up from hanging the test.
        let deadline = ContinuousClock.now + Self.patience
        while hungUp.value == 0 && written.value < total && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(hungUp.value == 1, "server wrote \(written.value) bytes and the client never hung up")
        #expect(written.value < total)
    }

    /// Only a body krant reads is held to the size limit: a redirect or an
    /// error page announcing more is still a redirect or an error.
    @Test func theSizeLimitIsForBodiesThatAreRead() async throws {
        let huge = [("Content-Length", "\(1 << 30)")]
        let server = try FetchTestServer(routes: [
            "/moved": { _ in TestResponse(status: 301, headers: huge + [("Location", "/feed")], stream: { _ in }) },
            "/gone": { _ in TestResponse(status: 404, headers: huge, stream: { _ in }) },
            "/feed": { _ in .text(Self.feed) },
        ])
        let fetcher = FeedFetcher(timeout: Self.patience, sizeLimit: 100_000)
        let moved = try fetched(await fetcher.fetch(FetchRequest(url: server.url("/moved"))))
        #expect(moved.permanentRedirect == server.url("/feed"))
        #expect(try failure(await fetcher.fetch(FetchRequest(url: server.url("/gone")))) == .http(status: 404))
    }

    /// A cancelled fetch answers at once, and libcurl hangs up soon after.
    @Test func aCancelledFetchEndsAtOnceAndHangsUp() async throws {
        let hungUp = FetchCounter()
        let server = try FetchTestServer(routes: [
            "/slow": { _ in
                TestResponse(status: 200, stream: { connection in
                    // A byte every 50 ms, until the client is gone.
                    for _ in 0..<1200 {
                        guard connection.write(Data("<".utf8)) else {
                            hungUp.add(1)
                            return
                        }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                })
            },
        ])
        let fetch = Task { await FeedFetcher(timeout: Self.patience).fetch(FetchRequest(url: server.url("/slow"))) }
        while server.connectionCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        let cancelled = ContinuousClock.now
        fetch.cancel()
        #expect(try failure(await fetch.value) == .connection("cancelled"))
        #expect(ContinuousClock.now - cancelled < .seconds(5))
        let deadline = ContinuousClock.now + .seconds(30)
        while hungUp.value == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(hungUp.value == 1, "libcurl never hung up after the cancel")
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1:PORT/feed.xml", "gopher://127.0.0.1:PORT/"])
    func otherSchemesAreRefusedBeforeAnyIO(url: String) async throws {
        let server = try FetchTestServer(routes: [:])
        let request = FetchRequest(url: url.replacingOccurrences(of: "PORT", with: "\(server.port)"))
        let outcome = try failure(await FeedFetcher().fetch(request))
        #expect(outcome == .unsupportedScheme(String(url.prefix { $0 != ":" })))
        #expect(server.connectionCount == 0)
    }

    @Test func malformedURLsAreRefused() async throws {
        #expect(try failure(await FeedFetcher().fetch(FetchRequest(url: "nos.nl/feed"))) == .invalidURL("nos.nl/feed"))
        #expect(try failure(await FeedFetcher().fetch(FetchRequest(url: "http:///feed"))) == .invalidURL("http:///feed"))
    }

    @Test func aClosedPortIsAConnectionError() async throws {
        let closed = try ClosedPort()
        let outcome = try failure(await FeedFetcher(timeout: Self.patience)
            .fetch(FetchRequest(url: "http://127.0.0.1:\(closed.port)/feed")))
        #expect(outcome == .connection("cannot connect to 127.0.0.1:\(closed.port)"))
    }

    /// Each answer waits until two requests have been in flight at once (or
    /// until a deadline that only a fetcher going one by one reaches), so
    /// "two at a time" does not depend on how fast the requests arrive.
    @Test func fetchAllKeepsRequestOrderAndReportsProgress() async throws {
        let inFlight = FetchCounter()
        let most = FetchCounter()
        var routes: [String: FetchTestServer.Route] = [:]
        // Half the fetch timeout: a fetcher going one by one gets its answer,
        // and fails on `most` below rather than on a timeout.
        let deadline = ContinuousClock.now + Self.patience / 2
        for index in 0..<6 {
            routes["/feed\(index)"] = { _ in
                most.raise(to: inFlight.add(1))
                while most.value < 2 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
                // Later feeds answer sooner, so completion order differs from request order.
                Thread.sleep(forTimeInterval: Double(6 - index) * 0.03)
                inFlight.add(-1)
                return index == 3 ? .text("gone", status: 410) : .text("feed \(index)")
            }
        }
        let server = try FetchTestServer(routes: routes)
        let progress = FetchProgressLog()
        let requests = (0..<6).map { FetchRequest(url: server.url("/feed\($0)")) }
        let outcomes = await FeedFetcher(timeout: Self.patience).fetchAll(requests, concurrency: 2) { done, total in
            progress.append(done, total)
        }
        #expect(outcomes.count == 6)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .fetched(let feed): #expect(String(decoding: feed.body, as: UTF8.self) == "feed \(index)")
            case .failed(let failure): #expect(index == 3 && failure == .http(status: 410))
            case .notModified: Issue.record("feed \(index) was not modified")
            }
        }
        #expect(progress.calls.map(\.done) == [1, 2, 3, 4, 5, 6])
        #expect(progress.calls.allSatisfy { $0.total == 6 })
        #expect(most.value == 2, "two feeds at a time, never more and not one by one")
    }

    @Test func transferFailuresMapToReasons() {
        let url = URL(string: "https://example.invalid:8443/feed")!
        func map(_ failure: ccurl_failure, _ message: String = "") -> FetchFailure {
            FetchFailure.from(failure, message: message, url: url, timeout: .seconds(20))
        }
        #expect(map(CCURL_DNS) == .dns(host: "example.invalid"))
        #expect(map(CCURL_DNS).description == "host not found: example.invalid")
        #expect(map(CCURL_TIMEOUT).description == "timed out after 20 s")
        #expect(map(CCURL_CONNECT).description == "cannot connect to example.invalid:8443")
        #expect(map(CCURL_CONNECTION_LOST) == .connection("connection to example.invalid lost"))
        #expect(map(CCURL_TLS) == .connection("secure connection to example.invalid failed"))
        #expect(map(CCURL_CERTIFICATE) == .connection("certificate of example.invalid not accepted"))
        #expect(map(CCURL_BAD_RESPONSE) == .connection("bad response from example.invalid"))
        #expect(map(CCURL_BAD_URL) == .invalidURL("https://example.invalid:8443/feed"))
        #expect(map(CCURL_PROXY, "Could not resolve proxy: proxy.invalid")
                == .connection("proxy not found: Could not resolve proxy: proxy.invalid"))
        #expect(map(CCURL_AUTHORITIES, "error setting certificate file: /tmp/typo.pem")
                == .connection("certificate authorities not read (error setting certificate file: /tmp/typo.pem)"))
        #expect(map(CCURL_NOT_LOADED, "cannot load libcurl (libcurl.so.4: no such file); install libcurl4")
                == .connection("cannot load libcurl (libcurl.so.4: no such file); install libcurl4"))
        // libcurl's detail is one line, and no control byte of it reaches the terminal.
        #expect(map(CCURL_OTHER, "Send failure: \u{1B}[2JBroken pipe")
                == .connection("network error from example.invalid: Send failure: Broken pipe"))
        #expect(FetchFailure.http(status: 599).description == "HTTP 599")
        #expect(FetchFailure.tooLarge(limit: 64 * 1024 * 1024).description == "larger than 64 MB")
    }

    private func fetched(_ outcome: FetchOutcome, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> FetchedFeed {
        guard case .fetched(let feed) = outcome else {
            Issue.record("expected a fetched feed, got \(outcome)", sourceLocation: sourceLocation)
            throw FetchTestFailure.unexpected
        }
        return feed
    }

    private func failure(_ outcome: FetchOutcome, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> FetchFailure {
        guard case .failed(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)", sourceLocation: sourceLocation)
            throw FetchTestFailure.unexpected
        }
        return failure
    }
}

enum FetchTestFailure: Error {
    case unexpected
}
