import KrantCore

/// Feed items as the feed parser makes them: origin with the item's guid
/// ("" when it has none) and `url` = the item's link.
enum FeedSample {
    static let feedURL = "https://feeds.example.org/nieuws.xml"

    static func item(_ title: String, guid: String = "", link: String? = nil, body: String = "Tekst.",
                     published: PublishedDate? = nil, category: String? = nil) -> Article {
        Article(source: "Voorbeeld", category: category, title: title, published: published, url: link,
                blocks: [.paragraph(body)], origin: .feed(url: feedURL, guid: guid))
    }
}
