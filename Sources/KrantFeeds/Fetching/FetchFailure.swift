internal import CCurl
import Foundation
import KrantCore

/// Why a feed could not be fetched, in terms a reader can act on: `krant
/// fetch` prints one line per failed feed with this description.
public enum FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String)
    /// The URL's scheme (e.g. "ftp", "file"): only http and https are fetched.
    case unsupportedScheme(String)
    case dns(host: String)
    /// A transport failure other than DNS and timeouts; the text says which.
    case connection(String)
    /// The whole fetch, redirects included, took longer than the limit.
    case timeout(after: Duration)
    case http(status: Int)
    case tooManyRedirects(limit: Int)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .invalidURL(let url): "not a valid URL: \(url)"
        case .unsupportedScheme(let scheme): "unsupported URL scheme \"\(scheme)\" (only http and https)"
        case .dns(let host): "host not found: \(host)"
        case .connection(let reason): reason
        case .timeout(let limit): "timed out after \(Self.seconds(limit)) s"
        case .http(let status):
            Self.reasonPhrases[status].map { "HTTP \(status) \($0)" } ?? "HTTP \(status)"
        case .tooManyRedirects(let limit): "more than \(limit) redirects"
        case .tooLarge(let limit): "larger than \(Self.size(limit))"
        }
    }

    /// Maps a failed libcurl exchange; `url` and `timeout` fill in what
    /// libcurl's `message` does not say, in the words of the other failures.
    static func from(_ failure: ccurl_failure, message: String, url: URL, timeout: Duration) -> FetchFailure {
        let host = url.host ?? url.absoluteString
        switch failure {
        case CCURL_DNS: return .dns(host: host)
        case CCURL_PROXY: return .connection("proxy not found: \(Sanitizer.cleanLine(message))")
        case CCURL_TIMEOUT: return .timeout(after: timeout)
        case CCURL_CONNECT: return .connection("cannot connect to \(Self.hostAndPort(url))")
        case CCURL_CONNECTION_LOST: return .connection("connection to \(host) lost")
        case CCURL_TLS: return .connection("secure connection to \(host) failed")
        case CCURL_CERTIFICATE: return .connection("certificate of \(host) not accepted")
        // The fault is here, not the server's: libcurl's words name the file.
        case CCURL_AUTHORITIES:
            return .connection("certificate authorities not read (\(Sanitizer.cleanLine(message)))")
        case CCURL_BAD_RESPONSE: return .connection("bad response from \(host)")
        case CCURL_BAD_URL: return .invalidURL(url.absoluteString)
        case CCURL_STOPPED: return .connection("cancelled")
        // The one failure not about this feed: every fetch fails alike.
        case CCURL_NOT_LOADED: return .connection(Sanitizer.cleanLine(message))
        default: return .connection("network error from \(host): \(Sanitizer.cleanLine(message))")
        }
    }

    private static func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? url.absoluteString
        return url.port.map { "\(host):\($0)" } ?? host
    }

    /// "20" for whole seconds, "0.5" otherwise: the limit as the user set it.
    private static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        guard atto != 0 else { return "\(whole)" }
        let tenths = (Double(whole) + Double(atto) / 1e18) * 10
        return "\(Double(tenths.rounded()) / 10)"
    }

    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }

    /// The statuses feeds actually return; others print as a bare number.
    private static let reasonPhrases: [Int: String] = [
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
        412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        421: "Misdirected Request", 429: "Too Many Requests", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
