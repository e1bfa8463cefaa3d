import Foundation
import KrantCore

/// One entry of a feed, format-neutral. Plain-text fields are already
/// sanitised; `contentHTML` is still markup and is sanitised block by block
/// when it becomes an article.
public struct FeedItem: Sendable, Hashable {
    public var guid: String?
    public var link: String?
    public var title: String
    /// The first of pubDate / published / dc:date / updated / date_published that parses.
    public var published: Date?
    public var authors: [String]
    public var categories: [String]
    /// content:encoded, else Atom content, else description / summary. Plain
    /// text sources (Atom `type="text"`, JSON `content_text`) arrive escaped
    /// as HTML paragraphs so that every body takes the same road.
    public var contentHTML: String?
    /// The item's photo (media:content, media:description, media:credit), with
    /// the credit kept apart; nil when the feed gives no caption text.
    public var mediaCaption: Caption?
    /// Files the item comes with, in document order, each URL once.
    public var enclosures: [Enclosure]
    /// The base of the body's relative links when `xml:base` sets one;
    /// nil means the item's link (or the feed's URL) is the base.
    public var contentBase: String?

    public init(guid: String? = nil, link: String? = nil, title: String, published: Date? = nil,
                authors: [String] = [], categories: [String] = [], contentHTML: String? = nil,
                mediaCaption: Caption? = nil, enclosures: [Enclosure] = [], contentBase: String? = nil) {
        self.guid = guid
        self.link = link
        self.title = title
        self.published = published
        self.authors = authors
        self.categories = categories
        self.contentHTML = contentHTML
        self.mediaCaption = mediaCaption
        self.enclosures = enclosures
        self.contentBase = contentBase
    }
}
