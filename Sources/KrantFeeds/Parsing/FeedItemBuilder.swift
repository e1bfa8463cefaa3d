import KrantContent
import Foundation
import KrantCore

/// Collects the fields of one RSS item or Atom entry from its expanded tree.
/// RSS 2.0, RSS 1.0 and Atom elements are accepted side by side, since real
/// feeds mix them (dc:creator in RSS, media:content in Atom, ...).
struct FeedItemBuilder {
    private var guid: String?
    private var link: String?
    private var guidIsPermaLink = true
    private var title: String?
    private var pubDate: String?
    private var published: String?
    private var updated: String?
    private var dcDate: String?
    private var authors: [String] = []
    private var categories: [String] = []
    private var encodedContent: String?
    private var atomContent: String?
    private var summary: String?
    private var mediaDescription: String?
    private var mediaTitle: String?
    private var mediaCredit: String?

    static func item(from node: LibXMLNode) -> FeedItem {
        var builder = FeedItemBuilder()
        builder.guid = node.attribute("about", namespace: FeedNamespace.rdf)
        for child in node.elementChildren { builder.visit(child) }
        return builder.build()
    }

    private enum Vocabulary { case rss, atom, content, dublinCore, media, other }

    /// The element's vocabulary. A prefix that was never declared (common in
    /// hand-made feeds) leaves the element without a namespace, so the usual
    /// prefixes are recognised by name too.
    private static func vocabulary(of node: LibXMLNode) -> (Vocabulary, String) {
        let name = node.name
        switch node.namespace {
        case nil:
            guard let colon = name.firstIndex(of: ":") else { return (.rss, name) }
            let local = String(name[name.index(after: colon)...])
            switch name[..<colon] {
            case "content": return (.content, local)
            case "dc": return (.dublinCore, local)
            case "media": return (.media, local)
            case "atom": return (.atom, local)
            default: return (.other, local)
            }
        case FeedNamespace.rss10, FeedNamespace.rss090: return (.rss, name)
        case FeedNamespace.atom, FeedNamespace.atom03: return (.atom, name)
        case FeedNamespace.content: return (.content, name)
        case FeedNamespace.dublinCore: return (.dublinCore, name)
        case FeedNamespace.media: return (.media, name)
        default: return (.other, name)
        }
    }

    private mutating func visit(_ node: LibXMLNode) {
        let (vocabulary, name) = Self.vocabulary(of: node)
        switch vocabulary {
        case .rss: visitRSS(node, name)
        case .atom: visitAtom(node, name)
        case .content: if name == "encoded", encodedContent == nil { encodedContent = node.text }
        case .dublinCore:
            switch name {
            case "creator": authors.append(node.text)
            case "date": dcDate = dcDate ?? node.text
            case "subject": categories.append(node.text)
            default: break
            }
        case .media: visitMedia(node, name)
        case .other: break
        }
    }

    private mutating func visitRSS(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "title": title = title ?? FeedText.plain(node.text)
        case "link": link = link ?? node.text
        case "guid":
            guid = node.text
            guidIsPermaLink = node.attribute("isPermaLink")?.lowercased() != "false"
        case "pubDate": pubDate = pubDate ?? node.text
        case "author": authors.append(Self.rssAuthorName(node.text))
        case "category": categories.append(node.text)
        case "description": summary = summary ?? node.text
        default: break
        }
    }

    private mutating func visitAtom(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "title": title = title ?? Self.textConstruct(node)
        case "link":
            let rel = node.attribute("rel") ?? "alternate"
            if rel == "alternate", link == nil { link = node.attribute("href") }
        case "id": guid = guid ?? node.text
        case "published", "issued": published = published ?? node.text
        case "updated", "modified": updated = updated ?? node.text
        case "author":
            if let name = node.elementChildren.first(where: { $0.name == "name" }) { authors.append(name.text) }
        case "category":
            if let label = node.attribute("label") ?? node.attribute("term") { categories.append(label) }
        case "content": atomContent = atomContent ?? Self.htmlConstruct(node)
        case "summary": summary = summary ?? Self.htmlConstruct(node)
        default: break
        }
    }

    private mutating func visitMedia(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "content", "group":
            for child in node.elementChildren { visit(child) }
        case "description":
            let text = node.attribute("type") == "html" ? FeedText.plain(node.text) : node.text
            mediaDescription = mediaDescription ?? text
        case "title": mediaTitle = mediaTitle ?? node.text
        case "credit": mediaCredit = mediaCredit ?? node.text
        default: break
        }
    }

    /// An Atom text construct as plain text.
    static func textConstruct(_ node: LibXMLNode) -> String {
        let text = node.text
        return Sanitizer.cleanLine(node.attribute("type") == "html" ? FeedText.plain(text) : text)
    }

    /// An Atom text construct as HTML: `html` as is, `xhtml` serialised, text escaped.
    static func htmlConstruct(_ node: LibXMLNode) -> String? {
        guard node.attribute("src") == nil else { return nil }
        switch node.attribute("type") ?? "text" {
        case "html", "text/html": return node.text
        case "xhtml", "application/xhtml+xml": return node.innerMarkup()
        case "text", "text/plain": return FeedText.htmlParagraphs(fromPlainText: node.text)
        default: return nil
        }
    }

    /// RSS puts an e-mail address in `author`, often as `jan@example.nl (Jan Jansen)`.
    static func rssAuthorName(_ text: String) -> String {
        guard text.contains("@"), let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"),
              open < close else { return text }
        return String(text[text.index(after: open)..<close])
    }

    private func build() -> FeedItem {
        let cleanGuid = Sanitizer.cleanLineOrNil(guid)
        var cleanLink = Sanitizer.cleanLineOrNil(link)
        if cleanLink == nil, guidIsPermaLink, let cleanGuid, cleanGuid.hasPrefix("http") { cleanLink = cleanGuid }
        let date = [pubDate, published, dcDate, updated].lazy.compactMap { $0.flatMap(FeedDateParser.parse) }.first
        let body = [encodedContent, atomContent, summary].lazy.compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) }
        return FeedItem(
            guid: cleanGuid, link: cleanLink, title: Sanitizer.cleanLine(title ?? ""), published: date,
            authors: Self.cleanList(authors), categories: Self.cleanList(categories), contentHTML: body,
            mediaCaption: mediaCaption())
    }

    private func mediaCaption() -> Caption? {
        let text = Sanitizer.cleanLine(mediaDescription ?? mediaTitle ?? "")
        guard !text.isEmpty else { return nil }
        if let credit = mediaCredit.map({ Sanitizer.cleanLine($0) }), !credit.isEmpty {
            return CaptionCreditSplitter.caption(text: text, knownCredit: credit)
        }
        return CaptionCreditSplitter.split(text)
    }

    private static func cleanList(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.map { Sanitizer.cleanLine($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

}
