/// Why talking to a Google Reader API server failed, in words a reader can
/// act on: `krant sync` prints one line with the account's name and this.
public enum GoogleReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached, or answered too slowly: reading goes
    /// on offline, and marks wait for the next sync.
    case unreachable(FetchFailure)
    /// The server is there but unavailable (HTTP 502, 503, 504): also offline.
    case unavailable(status: Int)
    /// The user name or password was refused, or the stored token no longer works.
    case unauthorized
    /// The server refused one request (HTTP 400, 404, 501, …).
    case refused(endpoint: String, status: Int, body: String)
    /// The server answered with something that is not what the API promises.
    case badResponse(endpoint: String, reason: String)
    /// The server sent a redirect, which krant does not follow: it would
    /// carry the auth token to another address.
    case redirected(endpoint: String, location: String)
    /// The URL is not https (or plain http on this machine's loopback).
    case insecureURL(String)
    case invalidURL(String)

    /// Whether the failure is the network's or a down server's, not a refusal.
    public var isOffline: Bool {
        switch self {
        case .unreachable, .unavailable: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let failure): "server unreachable: \(failure)"
        case .unavailable(let status): "server unavailable (\(FetchFailure.http(status: status)))"
        case .unauthorized: "the server refused the user name or password"
        case .refused(let endpoint, let status, let body):
            "the server refused \(endpoint) (\(FetchFailure.http(status: status))\(body.isEmpty ? "" : ": " + body))"
        case .badResponse(let endpoint, let reason): "the server's answer to \(endpoint) is unreadable: \(reason)"
        case .redirected(let endpoint, let location):
            "the server redirected \(endpoint) to \(location); use that address for the account"
        case .insecureURL(let url): "\(url) is not https; only a server on this machine (loopback) may use plain http"
        case .invalidURL(let url): "not a valid server URL: \(url)"
        }
    }
}
