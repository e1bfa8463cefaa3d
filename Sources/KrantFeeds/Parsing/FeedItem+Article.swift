import KrantContent
import Foundation
import KrantCore

extension FeedItem {
    /// The item as an article of the feed at `feedURL`: title, url (link), published (local calendar components of the date in `timeZone`), when (nil), source = feed title, category = `category ?? first item category`, lead caption (mediaCaption, else a figure that opens the body), blocks + links from the HTML, origin .feed(url: feedURL, guid: guid ?? link ?? ""). All text sanitised.
    public func article(feedURL: String, feedTitle: String?, category: String?,
                        timeZone: TimeZone = .current) -> Article {
        let article = storableArticle(feedURL: feedURL, feedTitle: feedTitle, category: category, timeZone: timeZone)
        return HTMLBody.resolve(article, baseURL: article.bodyLinkBase(feedURL: feedURL))
    }

    /// The item as `article` makes it, but with the body left as HTML
    /// (`Article.bodyHTML`) for the store to convert when it is read: laying
    /// out a body costs more than storing it, and most are never opened.
    /// An item without a title or without a guid and a link is converted at
    /// once: its title, or its identity, comes from the text.
    public func storableArticle(feedURL: String, feedTitle: String?, category: String?,
                                timeZone: TimeZone = .current) -> Article {
        let cleanTitle = Sanitizer.cleanLine(title)
        var article = Article(
            source: Sanitizer.cleanLineOrNil(feedTitle),
            category: Sanitizer.cleanLineOrNil(category ?? categories.first),
            title: cleanTitle,
            published: published.map { Self.localComponents(of: $0, in: timeZone) },
            when: nil,
            url: link.map { Sanitizer.cleanLine($0) },
            leadCaption: mediaCaption.map(Self.clean),
            bodyHTML: contentHTML,
            bodyBase: contentBase.map { Sanitizer.cleanLine($0) },
            author: authors.isEmpty ? nil : Sanitizer.cleanLine(authors.joined(separator: ", ")),
            enclosures: enclosures,
            origin: .feed(url: Sanitizer.cleanLine(feedURL), guid: Sanitizer.cleanLine(guid ?? link ?? "")))
        let identifiedByText = (guid ?? "").isEmpty && (link ?? "").isEmpty
        if cleanTitle.isEmpty || identifiedByText {
            article = HTMLBody.resolve(article, baseURL: article.bodyLinkBase(feedURL: feedURL))
            if cleanTitle.isEmpty { article.title = Self.fallbackTitle(blocks: article.blocks, link: link) }
        }
        return article
    }

    private static func clean(_ caption: Caption) -> Caption {
        Caption(credit: Sanitizer.cleanLine(caption.credit), text: Sanitizer.cleanLine(caption.text))
    }

    /// Untitled items (allowed in RSS and JSON Feed) are named by their first words.
    private static func fallbackTitle(blocks: [Block], link: String?) -> String {
        if let first = blocks.first?.plainText, !first.isEmpty {
            let words = first.split(separator: " ").prefix(12).joined(separator: " ")
            return words.count < first.count ? words + "…" : words
        }
        return link.map { Sanitizer.cleanLine($0) } ?? "(untitled)"
    }

    /// Wall-clock components in `timeZone`, computed directly rather than with
    /// `Calendar`, which is slow on Linux for tens of thousands of items.
    static func localComponents(of date: Date, in timeZone: TimeZone) -> PublishedDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CivilDate(daysSinceEpoch: days)
        return PublishedDate(year: civil.year, month: civil.month, day: civil.day,
                             hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)
    }
}
