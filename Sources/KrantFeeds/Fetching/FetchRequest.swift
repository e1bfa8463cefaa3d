/// One feed to fetch, with the validators its last successful fetch returned,
/// so an unchanged feed costs a 304 and no parsing.
public struct FetchRequest: Sendable, Hashable {
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}
