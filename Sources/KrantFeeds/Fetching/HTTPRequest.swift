import Foundation

/// What `HTTPExchange` sends: a GET, or a POST of `postBody`, with these
/// headers and libcurl's own (Host, `Accept: */*` unless one is given,
/// `Accept-Encoding: gzip`, and a POST's length and form type).
struct HTTPRequest: Sendable {
    var url: URL
    /// Whole header lines' names and values, in the order they are sent.
    var headers: [(name: String, value: String)]
    var postBody: Data?

    init(url: URL, headers: [(name: String, value: String)] = [], postBody: Data? = nil) {
        self.url = url
        self.headers = headers
        self.postBody = postBody
    }
}
