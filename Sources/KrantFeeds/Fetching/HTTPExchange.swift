internal import CCurl
import Foundation

/// One HTTP request and its response, without following redirects, through
/// libcurl (see `ccurl.h` for why it is loaded only when something is fetched).
///
/// `FeedFetcher` follows redirects itself: it must see every hop's status to
/// tell a permanent move from a temporary one, refuse a hop to a `file:` or
/// `ftp:` URL, and resolve a relative `Location` with its query intact.
///
/// The body arrives in chunks, so one over the size limit is abandoned as
/// soon as the limit is crossed, never buffered whole; an answer whose body
/// is not read (a 304, a redirect, an error page) ends at its last header.
/// libcurl's own timeout bounds the whole exchange, connecting included,
/// and a timer of ours settles it should libcurl be late (a stuck resolver).
final class HTTPExchange: @unchecked Sendable {
    enum Result: Sendable {
        case success(body: Data, etag: String?, lastModified: String?)
        /// `location` is the raw header value, possibly relative.
        case redirect(status: Int, location: String)
        case notModified
        case failed(FetchFailure)
        /// A status outside 2xx that is no redirect, with its body: only
        /// when the exchange was asked to read every answer
        /// (`answeringAnyStatus`), for APIs whose error bodies mean something.
        case answered(status: Int, body: Data)
    }

    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Why a callback stopped the transfer, so its end is read right.
    private enum Stop {
        case tooLarge
        /// The headers are all in and the body is not wanted.
        case bodyNotRead
    }

    private let request: HTTPRequest
    private let sizeLimit: Int
    /// What a timeout reports: the fetch's whole limit, not this hop's share.
    private let reportedTimeout: Duration
    private let answeringAnyStatus: Bool

    // Guarded by `lock`: libcurl's callbacks run on the exchange's thread,
    // cancellation arrives on another.
    private let lock = NSLock()
    private var body = Data()
    private var status: Int?
    /// The headers of the last response (after any 1xx), lower-cased names.
    private var headers: [String: String] = [:]
    private var stop: Stop?
    private var cancelled = false
    private var result: Result?
    private var continuation: CheckedContinuation<Result, Never>?

    private init(request: HTTPRequest, sizeLimit: Int, reportedTimeout: Duration, answeringAnyStatus: Bool) {
        self.request = request
        self.sizeLimit = sizeLimit
        self.reportedTimeout = reportedTimeout
        self.answeringAnyStatus = answeringAnyStatus
    }

    /// Runs `request` and waits at most `timeout` for its outcome.
    static func run(_ request: HTTPRequest, sizeLimit: Int, timeout: Duration,
                    reportedTimeout: Duration, answeringAnyStatus: Bool = false) async -> Result {
        let exchange = HTTPExchange(request: request, sizeLimit: sizeLimit, reportedTimeout: reportedTimeout,
                                    answeringAnyStatus: answeringAnyStatus)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                exchange.start(continuation, timeout: timeout)
            }
        } onCancel: {
            exchange.cancel()
        }
    }

    private func start(_ continuation: CheckedContinuation<Result, Never>, timeout: Duration) {
        lock.lock()
        if let result {
            // Cancelled before it started.
            lock.unlock()
            continuation.resume(returning: result)
            return
        }
        self.continuation = continuation
        lock.unlock()
        // libcurl blocks, so each exchange has a thread of its own rather
        // than one of the few that run Swift's tasks.
        let thread = Thread { [self] in
            finish(perform(timeoutMilliseconds: Self.milliseconds(timeout)))
        }
        thread.name = "krant HTTP"
        thread.start()
        // A little after libcurl's own limit, which says the same when on time.
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.interval(timeout) + .milliseconds(250)) {
            [weak self] in
            guard let self else { return }
            stopAndFinish(.failed(.timeout(after: reportedTimeout)))
        }
    }

    /// The answer is settled at once; libcurl notices within a second (its
    /// progress callback) and the bytes still arriving are dropped.
    private func cancel() {
        stopAndFinish(.failed(.connection("cancelled")))
    }

    /// Ends the transfer from outside libcurl and settles with `outcome`.
    private func stopAndFinish(_ outcome: Result) {
        lock.lock()
        cancelled = true
        lock.unlock()
        finish(outcome)
    }

    /// Settles the exchange once; a later outcome (the transfer ending after
    /// a cancel) is ignored.
    private func finish(_ outcome: Result) {
        lock.lock()
        guard result == nil else {
            lock.unlock()
            return
        }
        result = outcome
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        continuation?.resume(returning: outcome)
    }

    // MARK: The transfer, on the exchange's thread

    private func perform(timeoutMilliseconds: Int) -> Result {
        let headerLines = request.headers.map { strdup("\($0.name): \($0.value)") }
        defer { headerLines.forEach { free($0) } }
        let url = strdup(request.url.absoluteString)
        defer { free(url) }
        var outcome = ccurl_result()
        let context = Unmanaged.passUnretained(self).toOpaque()
        headerLines.map { UnsafePointer($0) }.withUnsafeBufferPointer { lines in
            let transfer = { (body: UnsafeRawBufferPointer?) in
                var call = ccurl_request(
                    url: url, headers: lines.baseAddress, header_count: lines.count,
                    post_body: body?.baseAddress, post_body_length: body?.count ?? 0,
                    timeout_ms: max(1, timeoutMilliseconds), context: context,
                    on_header: { data, size, context in
                        HTTPExchange.from(context).receivedHeader(UnsafeRawBufferPointer(start: data, count: size))
                    },
                    on_body: { data, size, context in
                        HTTPExchange.from(context).receivedBody(UnsafeRawBufferPointer(start: data, count: size))
                    },
                    should_abort: { context in HTTPExchange.from(context).isCancelled ? 1 : 0 })
                ccurl_perform(&call, &outcome)
            }
            if let postBody = request.postBody {
                // An empty POST still needs a non-nil pointer to be a POST.
                (postBody.isEmpty ? Data([0]) : postBody).withUnsafeBytes { bytes in
                    transfer(UnsafeRawBufferPointer(rebasing: bytes.prefix(postBody.count)))
                }
            } else {
                transfer(nil)
            }
        }
        return settle(outcome)
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> HTTPExchange {
        Unmanaged<HTTPExchange>.fromOpaque(context!).takeUnretainedValue()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// One header line, CRLF included; a status line starts a new response
    /// (after a 100 Continue or a proxy's CONNECT), the empty line ends one.
    private func receivedHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return 0 }
        if text.hasPrefix("HTTP/") {
            let fields = text.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) : nil
            headers = [:]
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        } else if text.isEmpty, let status, status >= 200 {
            if !readsBody(of: status) {
                // Nothing in the body of a 304, a redirect or an error page is used.
                stop = .bodyNotRead
                return 0
            }
            if let length = headers["content-length"].flatMap({ Int($0) }), length > sizeLimit {
                stop = .tooLarge
                return 0
            }
        }
        return line.count
    }

    private func receivedBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return 0 }
        guard body.count + chunk.count <= sizeLimit else {
            stop = .tooLarge
            return 0
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    private func readsBody(of status: Int) -> Bool {
        (200..<300).contains(status) || (answeringAnyStatus && !Self.redirectStatuses.contains(status))
    }

    /// The result of a finished transfer, from what libcurl said and what
    /// the callbacks saw.
    private func settle(_ outcome: ccurl_result) -> Result {
        lock.lock()
        let body = self.body, status = self.status, headers = self.headers, stop = self.stop
        self.body = Data()
        lock.unlock()
        if stop == .tooLarge { return .failed(.tooLarge(limit: sizeLimit)) }
        let completed = outcome.failure == CCURL_OK || (outcome.failure == CCURL_STOPPED && stop == .bodyNotRead)
        guard completed, let status else {
            let message = withUnsafeBytes(of: outcome.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .failed(FetchFailure.from(outcome.failure, message: message, url: request.url,
                                             timeout: reportedTimeout))
        }
        if (200..<300).contains(status) {
            return .success(body: body, etag: headers["etag"], lastModified: headers["last-modified"])
        }
        if answeringAnyStatus && !Self.redirectStatuses.contains(status) { return .answered(status: status, body: body) }
        if status == 304 { return .notModified }
        if Self.redirectStatuses.contains(status), let location = headers["location"] {
            return .redirect(status: status, location: location)
        }
        return .failed(.http(status: status))
    }

    private static func interval(_ duration: Duration) -> DispatchTimeInterval {
        .milliseconds(milliseconds(duration))
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(max(0, seconds)) * 1000 + Int(max(0, attoseconds) / 1_000_000_000_000_000)
    }
}
