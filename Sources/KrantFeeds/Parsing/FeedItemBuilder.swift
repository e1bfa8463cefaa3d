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
    private var dcTitle: String?
    private var xhtmlBody: String?
    private var itunesSummary: String?
    /// RSS 0.9x's `fullitem` (escaped HTML) and `dc:description`: bodies of last resort.
    private var fullItem: String?
    private var dcDescription: String?
    /// Atom links: (href, rel, type) in document order; RSS `link` is `link`.
    private var atomLinks: [(href: String, rel: String, type: String?)] = []
    private var enclosures: [Enclosure] = []
    /// The element the body came from, for its `xml:base`.
    private var bodyNode: LibXMLNode?
    private let kind: FeedKind
    private let rootNamespace: String?
    private let node: LibXMLNode

    private init(node: LibXMLNode, kind: FeedKind, rootNamespace: String?) {
        self.node = node
        self.kind = kind
        self.rootNamespace = rootNamespace
    }

    /// `rootNamespace` is the namespace of the document's `rss` or `feed`
    /// element: elements in it belong to the document's format (`kind`),
    /// whatever namespace it is (none, UserLand's, Atom's).
    static func item(from node: LibXMLNode, kind: FeedKind = .rss, rootNamespace: String? = nil) -> FeedItem {
        var builder = FeedItemBuilder(node: node, kind: kind, rootNamespace: rootNamespace)
        builder.guid = node.attribute("about", namespace: FeedNamespace.rdf)
        for child in node.elementChildren { builder.visit(child) }
        return builder.build()
    }

    private enum Vocabulary { case rss, atom, content, dublinCore, media, itunes, xhtml, other }

    /// The element's vocabulary. A prefix that was never declared (common in
    /// hand-made feeds) leaves the element without a namespace, so the usual
    /// prefixes are recognised by name too.
    private func vocabulary(of node: LibXMLNode) -> (Vocabulary, String) {
        let name = node.name
        if node.namespace == rootNamespace, node.namespace != nil || !name.contains(":") {
            return (kind == .atom ? .atom : .rss, name)
        }
        switch node.namespace {
        case nil:
            guard let colon = name.firstIndex(of: ":") else { return (.rss, name) }
            let local = String(name[name.index(after: colon)...])
            switch name[..<colon] {
            case "content": return (.content, local)
            case "dc": return (.dublinCore, local)
            case "media": return (.media, local)
            case "atom": return (.atom, local)
            case "itunes": return (.itunes, local)
            case "xhtml": return (.xhtml, local)
            default: return (.other, local)
            }
        case FeedNamespace.rss10, FeedNamespace.rss090: return (.rss, name)
        case FeedNamespace.atom, FeedNamespace.atom03: return (.atom, name)
        case FeedNamespace.content: return (.content, name)
        case FeedNamespace.dublinCore: return (.dublinCore, name)
        case FeedNamespace.media: return (.media, name)
        case let namespace? where namespace.lowercased() == FeedNamespace.itunes: return (.itunes, name)
        case FeedNamespace.xhtml: return (.xhtml, name)
        default: return (.other, name)
        }
    }

    private mutating func visit(_ node: LibXMLNode) {
        let (vocabulary, name) = vocabulary(of: node)
        switch vocabulary {
        case .rss: visitRSS(node, name)
        case .atom: visitAtom(node, name)
        case .content:
            if name == "encoded", encodedContent == nil {
                encodedContent = node.text
                bodyNode = bodyNode ?? node
            }
        case .dublinCore:
            switch name {
            case "creator", "author": authors.append(node.text)
            case "description": dcDescription = dcDescription ?? node.text
            case "date": dcDate = dcDate ?? node.text
            case "subject": categories.append(node.text)
            case "title": dcTitle = dcTitle ?? FeedText.plain(node.text)
            default: break
            }
        case .media: visitMedia(node, name)
        case .itunes:
            switch name {
            case "summary": itunesSummary = itunesSummary ?? FeedText.htmlParagraphs(fromPlainText: node.text)
            case "author": authors.append(node.text)
            default: break
            }
        case .xhtml:
            // RSS's `<body xmlns="http://www.w3.org/1999/xhtml">` carries the item's body as XHTML.
            if name == "body", xhtmlBody == nil { xhtmlBody = XHTMLMarkup.html(ofChildrenOf: node) }
        case .other: break
        }
    }

    private mutating func visitRSS(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "title": title = title ?? FeedText.plain(node.text)
        case "link": if link == nil { link = Sanitizer.cleanLineOrNil(node.text).map(node.resolvedURL) }
        case "guid":
            guid = node.text
            guidIsPermaLink = node.attribute("isPermaLink")?.lowercased() != "false"
        case "pubDate": pubDate = pubDate ?? node.text
        case "author": authors.append(Self.rssAuthorName(node.text))
        case "category": categories.append(node.text)
        case "description": summary = summary ?? node.text
        case "fullitem": fullItem = fullItem ?? node.text
        case "body":
            // `body` without a namespace: XHTML whose author forgot to declare it.
            if xhtmlBody == nil { xhtmlBody = XHTMLMarkup.html(ofChildrenOf: node) }
        case "enclosure":
            addEnclosure(node, url: node.attribute("url"), type: node.attribute("type"), length: node.attribute("length"))
        default: break
        }
    }

    private mutating func addEnclosure(_ node: LibXMLNode, url: String?, type: String?, length: String?) {
        guard let url = Sanitizer.cleanLineOrNil(url).map(node.resolvedURL),
              !enclosures.contains(where: { $0.url == url }) else { return }
        let size = length.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
        enclosures.append(Enclosure(url: url, type: Sanitizer.cleanLineOrNil(type), length: size))
    }

    private mutating func visitAtom(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "title": title = title ?? Self.textConstruct(node)
        case "link":
            let rel = node.attribute("rel") ?? "alternate"
            if rel == "enclosure" {
                addEnclosure(node, url: node.attribute("href"), type: node.attribute("type"),
                             length: node.attribute("length"))
            } else if let href = Sanitizer.cleanLineOrNil(node.attribute("href") ?? node.text) {
                atomLinks.append((node.resolvedURL(href), rel, node.attribute("type")))
            }
        case "id": guid = guid ?? node.text
        case "published", "issued": published = published ?? node.text
        case "updated", "modified": updated = updated ?? node.text
        case "author":
            if let name = node.elementChildren.first(where: { $0.name == "name" }) { authors.append(name.text) }
        case "category":
            if let label = node.attribute("label") ?? node.attribute("term") { categories.append(label) }
        case "content":
            if atomContent == nil, let html = Self.htmlConstruct(node) {
                atomContent = html
                bodyNode = bodyNode ?? node
            }
        case "summary":
            if summary == nil, let html = Self.htmlConstruct(node) {
                summary = html
            }
        default: break
        }
    }

    private mutating func visitMedia(_ node: LibXMLNode, _ name: String) {
        switch name {
        case "content", "group":
            if name == "content", node.attribute("url") != nil {
                addEnclosure(node, url: node.attribute("url"), type: node.attribute("type"),
                             length: node.attribute("fileSize"))
            }
            for child in node.elementChildren { visit(child) }
        case "description":
            let text = node.attribute("type") == "html" ? FeedText.plain(node.text) : node.text
            mediaDescription = mediaDescription ?? text
        case "title": mediaTitle = mediaTitle ?? node.text
        case "credit": mediaCredit = mediaCredit ?? node.text
        default: break
        }
    }

    /// An Atom text construct as plain text: markup (`html`, `xhtml`, Atom
    /// 0.3's escaped or base64 HTML, base64 of another type) is read as
    /// HTML, so a title never shows its tags or a script's source.
    static func textConstruct(_ node: LibXMLNode) -> String {
        let isPlain = node.attribute("type").map { $0 == "text" || $0 == "text/plain" } ?? true
        guard !isPlain || node.attribute("mode") == "base64" else { return Sanitizer.cleanLine(node.text) }
        return Sanitizer.cleanLine(htmlConstruct(node).map(FeedText.plain) ?? node.text)
    }

    /// Atom text constructs as HTML: `html` as is, `xhtml` serialised, text
    /// escaped. Atom 0.3's `mode` says how the content is written: `escaped`
    /// (the markup as text), `base64`, or `xml` (inline, its default). Atom
    /// 1.0 content of another media type is base64 (RFC 4287 §4.1.3.3),
    /// shown when it decodes to text.
    static func htmlConstruct(_ node: LibXMLNode) -> String? {
        guard node.attribute("src") == nil else { return nil }
        let mode = node.attribute("mode")
        let type = node.attribute("type")
        let isAtom03 = node.namespace == FeedNamespace.atom03 || mode != nil
        let isMarkupOrText = type.map { ["html", "xhtml", "text"].contains($0) || $0.hasPrefix("text/")
            || $0.hasSuffix("xml") } ?? true
        let text: String
        if mode == "base64" || !isMarkupOrText {
            guard let decoded = decodedBase64(node.text) else { return nil }
            text = decoded
        } else if mode == "xml" {
            return XHTMLMarkup.html(ofChildrenOf: node)
        } else {
            text = node.text
        }
        switch type ?? (isAtom03 ? "text/plain" : "text") {
        case "html", "text/html": return text
        case "xhtml", "application/xhtml+xml":
            return mode == "escaped" || mode == "base64" ? text : XHTMLMarkup.html(ofChildrenOf: node)
        case "text", "text/plain": return FeedText.htmlParagraphs(fromPlainText: text)
        default: return isMarkupOrText ? nil : text
        }
    }

    /// Base64 that decodes to UTF-8 text; nil for anything else (an image).
    private static func decodedBase64(_ text: String) -> String? {
        let encoded = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: encoded), !data.contains(0) else { return nil }
        return String(bytes: data, encoding: .utf8)
    }

    /// RSS puts an e-mail address in `author`, often as `jan@example.nl (Jan Jansen)`.
    /// The name is whichever part is not the address: `jan@example.nl (Jan
    /// Jansen)` or `Jan Jansen (jan@example.nl)`.
    static func rssAuthorName(_ text: String) -> String {
        guard text.contains("@"), let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"),
              open < close else { return text }
        let inside = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        let outside = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        return inside.contains("@") && !outside.isEmpty ? outside : inside
    }

    /// The page the item links to: RSS's `link`, else the first Atom
    /// alternate that is a web page (a feed may list a PDF or an audio
    /// alternate first), else any alternate.
    private var pageLink: String? {
        if let link { return link }
        let alternates = atomLinks.filter { $0.rel == "alternate" }
        return (alternates.first { $0.type.map(Self.isWebPage) ?? true } ?? alternates.first)?.href
    }

    private static func isWebPage(_ type: String) -> Bool {
        let lowered = type.lowercased()
        return lowered.hasPrefix("text/html") || lowered.hasPrefix("application/xhtml")
    }

    private func build() -> FeedItem {
        let cleanGuid = Sanitizer.cleanLineOrNil(guid)
        var cleanLink = Sanitizer.cleanLineOrNil(pageLink)
        if cleanLink == nil, guidIsPermaLink, let cleanGuid, cleanGuid.hasPrefix("http") { cleanLink = cleanGuid }
        let date = [pubDate, published, dcDate, updated].lazy.compactMap { $0.flatMap(FeedDateParser.parse) }.first
        let sources: [(String?, LibXMLNode?)] = [(encodedContent, bodyNode), (atomContent, bodyNode), (xhtmlBody, nil),
                                                 (fullItem, nil), (summary, nil), (itunesSummary, nil),
                                                 (dcDescription, nil)]
        let body = sources.first { $0.0.map { !$0.allSatisfy(\.isWhitespace) } ?? false }
        let bodyBase = (body?.1 ?? node).hasXMLBase ? (body?.1 ?? node).baseURL : nil
        let chosenTitle = [title, dcTitle, mediaTitle].lazy.compactMap { Sanitizer.cleanLineOrNil($0) }.first
        return FeedItem(
            guid: cleanGuid, link: cleanLink, title: chosenTitle ?? "", published: date,
            authors: Self.cleanList(authors), categories: Self.cleanList(categories), contentHTML: body?.0,
            mediaCaption: mediaCaption(), enclosures: enclosures, contentBase: Sanitizer.cleanLineOrNil(bodyBase))
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
