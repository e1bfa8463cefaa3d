/// A file an article comes with: a podcast episode, a video, a photo
/// (RSS `enclosure`, Atom `link rel="enclosure"`, JSON Feed `attachments`).
public struct Enclosure: Hashable, Sendable, Codable {
    public var url: String
    /// The MIME type the feed gives (`audio/mpeg`), when it gives one.
    public var type: String?
    /// The size in bytes the feed gives, when it gives one.
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }

    private enum CodingKeys: String, CodingKey { case url, type, length }

    /// Every key, `null` when the feed gave no value: JSON readers (and
    /// `show --json`) never meet a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(type, forKey: .type)
        try container.encode(length, forKey: .length)
    }
}
