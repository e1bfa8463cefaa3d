import Foundation
import KrantCore

/// JSON as the README's command line section shows it: snake_case keys, `null` for unknown values
/// (never a missing key), no escaped slashes.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

struct HeadlineJSON: Encodable {
    let headline: Headline

    init(_ headline: Headline) { self.headline = headline }

    enum CodingKeys: String, CodingKey { case id, title, source, category, published, when, read, starred }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(headline.id, forKey: .id)
        try container.encode(headline.title, forKey: .title)
        try container.encode(headline.source, forKey: .source)
        try container.encode(headline.category, forKey: .category)
        try container.encode(headline.published?.iso8601, forKey: .published)
        try container.encode(headline.when, forKey: .when)
        try container.encode(headline.isRead, forKey: .read)
        try container.encode(headline.isStarred, forKey: .starred)
    }
}

struct ArticleJSON: Encodable {
    let article: Article

    init(_ article: Article) { self.article = article }

    enum CodingKeys: String, CodingKey {
        case id, title, source, category, published, when, url, read, starred
        case leadCaption = "lead_caption", blocks, links, origin, author, enclosures
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article.id, forKey: .id)
        try container.encode(article.title, forKey: .title)
        try container.encode(article.source, forKey: .source)
        try container.encode(article.category, forKey: .category)
        try container.encode(article.published?.iso8601, forKey: .published)
        try container.encode(article.when, forKey: .when)
        try container.encode(article.url, forKey: .url)
        try container.encode(article.isRead, forKey: .read)
        try container.encode(article.isStarred, forKey: .starred)
        try container.encode(article.leadCaption, forKey: .leadCaption)
        try container.encode(article.blocks, forKey: .blocks)
        try container.encode(article.links, forKey: .links)
        try container.encode(article.author, forKey: .author)
        try container.encode(article.enclosures, forKey: .enclosures)
        switch article.origin {
        case .file(let path)?: try container.encode(["file": path], forKey: .origin)
        case .feed(let url, let guid)?: try container.encode(["feed": url, "guid": guid], forKey: .origin)
        case nil: try container.encodeNil(forKey: .origin)
        }
    }
}
