import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server read it; header names are lowercased.
public struct TestRequest: Sendable {
    public var method: String
    public var path: String
    public var headers: [String: String]
    /// The bytes after the head, as many as Content-Length says (empty without it).
    public var body = Data()

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What a route answers. `stream`, when set, writes the body itself after the
/// headers (which then carry no Content-Length), for bodies that must not be
/// built in memory or that arrive slowly.
public struct TestResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)] = []
    public var body = Data()
    /// Runs before anything is written: a slow server that watches its client.
    public var prelude: (@Sendable (TestConnection) -> Void)?
    public var stream: (@Sendable (TestConnection) -> Void)?

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data(),
                prelude: (@Sendable (TestConnection) -> Void)? = nil, stream: (@Sendable (TestConnection) -> Void)? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.prelude = prelude
        self.stream = stream
    }

    public static func text(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> TestResponse {
        TestResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}

/// The client end of one accepted connection, for streaming routes.
public struct TestConnection: Sendable {
    public let socket: Int32

    /// Writes all of `data`; false once the client has gone away.
    public func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                // MSG_NOSIGNAL: a client that hangs up must not SIGPIPE the test process.
                let sent = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// Waits up to `seconds` for the client to close the connection; true
    /// when it did. The client has sent its whole request by now, so any
    /// readable event is the hang-up.
    public func waitForHangUp(within seconds: Double) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 20)
            if ready < 0 && errno != EINTR { return true }
            if ready > 0 {
                var byte: UInt8 = 0
                let count = recv(socket, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
                if count == 0 || (count < 0 && errno != EAGAIN) { return true }
            }
        }
        return false
    }
}

/// An HTTP/1.1 server on 127.0.0.1 and an ephemeral port, in the test process,
/// so fetch tests never leave the machine. One thread per connection (a slow
/// route must not hold up the others), `Connection: close` on every response.
public final class FetchTestServer: @unchecked Sendable {
    public typealias Route = @Sendable (TestRequest) -> TestResponse

    public let port: UInt16
    private let listener: Int32
    private let routes: [String: Route]
    private let fallback: Route?
    private let lock = NSLock()
    private var accepted = 0
    private var received: [TestRequest] = []
    private var stopped = false

    /// `routes` maps a path (query included) to its handler; any other path
    /// goes to `fallback`, so a server can route by prefix, or gets 404.
    public init(routes: [String: Route], fallback: Route? = nil) throws {
        self.routes = routes
        self.fallback = fallback
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestServerError.socket("socket", errno) }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let code = errno
            close(listener)
            throw TestServerError.socket("bind/listen", code)
        }
        self.listener = listener
        port = Self.boundPort(of: listener)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Connections accepted so far: zero proves a request was refused before any I/O.
    public var connectionCount: Int { lock.withLock { accepted } }

    public var requests: [TestRequest] { lock.withLock { received } }

    public func stop() {
        let wasStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        // shutdown wakes the thread blocked in accept().
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.withLock { accepted += 1 }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer {
            shutdown(client, Int32(SHUT_WR))
            close(client)
        }
        guard let request = Self.readRequest(client) else { return }
        lock.withLock { received.append(request) }
        let response = (routes[request.path] ?? fallback)?(request) ?? .text("not here", status: 404)
        let connection = TestConnection(socket: client)
        response.prelude?(connection)
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.stream == nil { head += "Content-Length: \(response.body.count)\r\n" }
        head += "\r\n"
        guard connection.write(Data(head.utf8)) else { return }
        if let stream = response.stream {
            stream(connection)
        } else if request.method != "HEAD" {
            _ = connection.write(response.body)
        }
    }

    private static func readRequest(_ client: Int32) -> TestRequest? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while bytes.count < 64 * 1024 {
            let count = recv(client, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            bytes.append(contentsOf: buffer[0..<count])
            if let range = bytes.firstRange(of: end) {
                guard var request = parse(String(decoding: bytes[..<range.lowerBound], as: UTF8.self)) else { return nil }
                var body = bytes[range.upperBound...]
                let length = request.header("Content-Length").flatMap { Int($0) } ?? 0
                guard length >= 0, length <= 64 * 1024 * 1024 else { return nil }
                while body.count < length {
                    let count = recv(client, &buffer, min(buffer.count, length - body.count), 0)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { return nil }
                    body.append(contentsOf: buffer[0..<count])
                }
                request.body = Data(body.prefix(length))
                return request
            }
        }
        return nil
    }

    private static func parse(_ head: String) -> TestRequest? {
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return TestRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
    }

    private static func reason(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 307: "Temporary Redirect",
         308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
         500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable"][status] ?? "Status"
    }

    public static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    public static func boundPort(of socket: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}

public enum TestServerError: Error {
    case socket(String, Int32)
}
