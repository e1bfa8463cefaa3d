import Foundation

/// A feed document as the server sent it (decompressed), with what the
/// caller must store for the next fetch.
public struct FetchedFeed: Sendable {
    public var body: Data
    public var etag: String?
    public var lastModified: String?
    /// Where the document was finally found, after any redirects.
    public var finalURL: String
    /// The new URL when a permanent redirect (301/308) moved the feed, so the
    /// caller can update the subscription; `nil` when the feed did not move or
    /// moved only temporarily (302/303/307).
    public var permanentRedirect: String?

    public init(body: Data, etag: String? = nil, lastModified: String? = nil, finalURL: String,
                permanentRedirect: String? = nil) {
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
    }
}
