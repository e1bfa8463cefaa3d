import Foundation
import KrantCore

extension FeedItem {
    /// The item as an article of the feed at `feedURL`: title, url (link), published (local calendar components of the date in `timeZone`), when (nil), source = feed title, category = `category ?? first item category`, lead caption (mediaCaption, else a figure that opens the body), blocks + links from the HTML, origin .feed(url: feedURL, guid: guid ?? link ?? ""). All text sanitised.
    public func article(feedURL: String, feedTitle: String?, category: String?,
                        timeZone: TimeZone = .current) -> Article {
        let html = contentHTML.map { HTMLArticleConverter.convert($0, baseURL: link ?? feedURL) } ?? HTMLArticle()
        var blocks = html.blocks
        var leadCaption = mediaCaption.map(Self.clean)
        if let bodyLead = html.leadCaption {
            if let leadCaption {
                // Both the feed and the body name a photo: keep the body's figure
                // in place unless it is the same caption.
                if bodyLead.text != leadCaption.text { blocks.insert(.caption(bodyLead), at: 0) }
            } else {
                leadCaption = bodyLead
            }
        }
        let cleanTitle = Sanitizer.cleanLine(title)
        return Article(
            source: feedTitle.map { Sanitizer.cleanLine($0) }.flatMap { $0.isEmpty ? nil : $0 },
            category: (category ?? categories.first).map { Sanitizer.cleanLine($0) }.flatMap { $0.isEmpty ? nil : $0 },
            title: cleanTitle.isEmpty ? Self.fallbackTitle(blocks: blocks, link: link) : cleanTitle,
            published: published.map { Self.localComponents(of: $0, in: timeZone) },
            when: nil,
            url: link.map { Sanitizer.cleanLine($0) },
            leadCaption: leadCaption,
            blocks: blocks,
            links: html.links,
            origin: .feed(url: Sanitizer.cleanLine(feedURL), guid: Sanitizer.cleanLine(guid ?? link ?? "")))
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
        let civil = FeedDateParser.civil(daysSince1970: days)
        return PublishedDate(year: civil.year, month: civil.month, day: civil.day,
                             hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60)
    }
}
