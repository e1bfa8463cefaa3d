import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request and its response, without following redirects.
///
/// `FeedFetcher` follows redirects itself: it must see every hop's status to
/// tell a permanent move from a temporary one, refuse a hop to a `file:` or
/// `ftp:` URL, and resolve a relative `Location` with its query intact
/// (FoundationNetworking on Linux drops it, and does not follow 308 at all).
///
/// The body is streamed through the delegate so that one over the size limit
/// is abandoned as soon as the limit is crossed, never buffered whole; and a
/// timer of our own bounds the whole exchange, because URLSession's request
/// timeout on Linux is whole seconds and restarts with each redirect.
final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
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

    private let request: URLRequest
    private let url: URL
    private let sizeLimit: Int
    /// What a timeout reports: the fetch's whole limit, not this hop's share.
    private let reportedTimeout: Duration
    private let answeringAnyStatus: Bool

    // Guarded by `lock`: delegate callbacks, the timer and task cancellation
    // arrive on different threads.
    private let lock = NSLock()
    private var body = Data()
    private var validators: (etag: String?, lastModified: String?) = (nil, nil)
    private var result: Result?
    private var continuation: CheckedContinuation<Result, Never>?
    private var session: URLSession?
    private var task: URLSessionDataTask?

    private init(request: URLRequest, sizeLimit: Int, reportedTimeout: Duration, answeringAnyStatus: Bool) {
        self.request = request
        url = request.url!
        self.sizeLimit = sizeLimit
        self.reportedTimeout = reportedTimeout
        self.answeringAnyStatus = answeringAnyStatus
    }

    /// Runs `request` and waits at most `timeout` for its outcome.
    static func run(_ request: URLRequest, sizeLimit: Int, timeout: Duration,
                    reportedTimeout: Duration, answeringAnyStatus: Bool = false) async -> Result {
        let exchange = HTTPExchange(request: request, sizeLimit: sizeLimit, reportedTimeout: reportedTimeout,
                                    answeringAnyStatus: answeringAnyStatus)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                exchange.start(continuation, timeout: timeout)
            }
        } onCancel: {
            exchange.finish(.failed(.connection("cancelled")))
        }
    }

    private func start(_ continuation: CheckedContinuation<Result, Never>, timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        // No cache at all: a cached 200 would hide the server's 304, and a
        // feed must reflect what the server says now.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // Only a backstop: our own timer below is the real limit.
        let backstop = TimeInterval(timeout.components.seconds) + 2
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        var request = request
        request.timeoutInterval = backstop
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        let task = session.dataTask(with: request)

        lock.lock()
        if let result {
            // Cancelled before it started.
            lock.unlock()
            session.invalidateAndCancel()
            continuation.resume(returning: result)
            return
        }
        self.continuation = continuation
        self.session = session
        self.task = task
        lock.unlock()

        let limit = reportedTimeout
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.interval(timeout)) { [weak self] in
            self?.finish(.failed(.timeout(after: limit)))
        }
        task.resume()
    }

    /// Settles the exchange once; later outcomes (the cancellation error that
    /// follows our own cancel, a timer that fires late) are ignored.
    private func finish(_ outcome: Result) {
        lock.lock()
        guard result == nil else {
            lock.unlock()
            return
        }
        result = outcome
        let continuation = self.continuation, session = self.session, task = self.task
        self.continuation = nil
        self.session = nil
        self.task = nil
        body = Data()
        lock.unlock()
        continuation?.resume(returning: outcome)
        // After resuming, and off this thread: on Linux the cancellation runs
        // on URLSession's work queue, which a fast sender keeps busy for a
        // while; the outcome is known, and the bytes that still arrive are
        // dropped by `didReceive data`.
        DispatchQueue.global().async {
            task?.cancel()
            // The session keeps its delegate (this object) until invalidated.
            session?.invalidateAndCancel()
        }
    }

    // MARK: URLSessionDataDelegate

    func urlSession(_ session: URLSession, task: URLSessionTask,
                    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        let location = Self.header("Location", in: response) ?? request.url?.absoluteString ?? ""
        completionHandler(nil)
        // The hop is all `FeedFetcher` needs, so it is reported now. Waiting
        // for the declined task to complete is not safe on Linux: under load
        // FoundationNetworking sometimes never completes it, and the fetch
        // then ends only when the timeout does.
        finish(.redirect(status: response.statusCode, location: location))
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            finish(.failed(.connection("not an HTTP response from \(url.host ?? "")")))
            return
        }
        let read = (200..<300).contains(http.statusCode)
            || (answeringAnyStatus && !Self.redirectStatuses.contains(http.statusCode))
        if read {
            if http.expectedContentLength > Int64(sizeLimit) {
                completionHandler(.cancel)
                finish(.failed(.tooLarge(limit: sizeLimit)))
                return
            }
            lock.lock()
            validators = (Self.header("ETag", in: http), Self.header("Last-Modified", in: http))
            lock.unlock()
            completionHandler(.allow)
        } else {
            // Nothing in the body of a 304, a redirect or an error page is used.
            completionHandler(.cancel)
            finish(classify(http))
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        guard result == nil else {
            lock.unlock()
            return
        }
        let tooLarge = body.count + data.count > sizeLimit
        if !tooLarge { body.append(data) }
        lock.unlock()
        if tooLarge { finish(.failed(.tooLarge(limit: sizeLimit))) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            finish(.failed(FetchFailure.from(error, url: url, timeout: reportedTimeout, sizeLimit: sizeLimit)))
            return
        }
        lock.lock()
        let body = self.body, validators = self.validators
        lock.unlock()
        if answeringAnyStatus, let http = task.response as? HTTPURLResponse, !(200..<300).contains(http.statusCode),
           !Self.redirectStatuses.contains(http.statusCode) {
            finish(.answered(status: http.statusCode, body: body))
        } else if let http = task.response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            finish(classify(http))
        } else {
            finish(.success(body: body, etag: validators.etag, lastModified: validators.lastModified))
        }
    }

    // MARK: Helpers

    private func classify(_ response: HTTPURLResponse) -> Result {
        let status = response.statusCode
        if status == 304 { return .notModified }
        if Self.redirectStatuses.contains(status), let location = Self.header("Location", in: response) {
            return .redirect(status: status, location: location)
        }
        return .failed(.http(status: status))
    }

    /// Header names are case-insensitive, and servers send every spelling.
    private static func header(_ name: String, in response: HTTPURLResponse) -> String? {
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, key.caseInsensitiveCompare(name) == .orderedSame {
                return value as? String
            }
        }
        return nil
    }

    private static func interval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(max(0, seconds)) * 1_000_000_000 + Int(max(0, attoseconds) / 1_000_000_000))
    }
}
