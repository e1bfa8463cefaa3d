import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `TestHTTPClient` got back; header names are lowercased.
public struct TestHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking HTTP/1.0 client over a plain socket, for tests that must see a
/// server's answer byte for byte (status, every header, the untouched body)
/// and choose every header they send; URLSession adds and hides both.
/// HTTP/1.0 so the server closes the connection after one answer and never
/// chunks it.
public enum TestHTTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends one request to `http://127.0.0.1:PORT/...` and reads the answer to the end.
    public static func send(_ method: String, _ url: String, headers: [(String, String)] = [], body: Data? = nil,
                            timeout: Double = 30) throws(Failure) -> TestHTTPResponse {
        guard let components = URLComponents(string: url), components.scheme == "http",
              let host = components.host, let port = components.port else {
            throw Failure(description: "\(url): only http://HOST:PORT/... is supported")
        }
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        var head = "\(method) \(target.isEmpty ? "/" : target) HTTP/1.0\r\nHost: \(host):\(port)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }

        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = FetchTestServer.loopback(port: UInt16(port))
        if host != "127.0.0.1" { address.sin_addr.s_addr = inet_addr(host) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "\(url): connect: \(String(cString: strerror(errno)))") }
        guard TestConnection(socket: fd).write(request) else {
            throw Failure(description: "\(url): the server closed the connection before the request was sent")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw Failure(description: "\(url): recv: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            received += buffer[0..<count]
        }
        return try parse(received, url: url)
    }

    /// `name=value&...` with each part percent-encoded as a browser form would
    /// (space as +), keeping the order and any repeated name.
    public static func formBody(_ pairs: [(String, String)]) -> Data {
        Data(pairs.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&").utf8)
    }

    public static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)
            .replacingOccurrences(of: "%20", with: "+")
    }

    /// `name=value` pairs of a query string or form body, decoded, in order.
    public static func formPairs(_ encoded: String) -> [(String, String)] {
        encoded.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
    }

    private static func parse(_ bytes: [UInt8], url: String) throws(Failure) -> TestHTTPResponse {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "\(url): no complete response head in \(bytes.count) bytes")
        }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "\(url): bad status line \(lines[0])")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return TestHTTPResponse(status: status, headers: headers, body: Data(bytes[end.upperBound...]))
    }
}
