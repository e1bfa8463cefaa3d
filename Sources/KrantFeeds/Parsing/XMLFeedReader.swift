import KrantContent
import CLibxml2
import KrantCore

/// Streams an RSS or Atom document with libxml2's `xmlTextReader`: only the
/// item being read is ever expanded into a tree, so memory stays bounded by
/// one item however long the feed is, and the reader's speed is the parse speed.
enum XMLFeedReader {
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<ParsedFeed, FeedParseError> {
        LibXML.prepare()
        let collector = XMLErrorCollector()
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
              let reader = xmlReaderForMemory(base, Int32(bytes.count), nil, nil, LibXML.xmlOptions) else {
            return .failure(.malformed("line 1: empty document"))
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, collector.context)

        var feed: ParsedFeed?
        var channelDepth: Int32 = -1
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            var consumedSubtree = false
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                let depth = xmlTextReaderDepth(reader)
                let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
                if var current = feed {
                    feed = nil  // keeps `items` uniquely referenced while appending
                    if isItem(name, namespace, in: current.kind) {
                        if let node = xmlTextReaderExpand(reader) {
                            current.items.append(FeedItemBuilder.item(from: LibXMLNode(node)))
                        }
                        consumedSubtree = true
                    } else if depth == channelDepth + 1, let node = xmlTextReaderExpand(reader) {
                        consumedSubtree = readChannelField(LibXMLNode(node), into: &current)
                    } else if current.kind == .rss, name == "channel", FeedNamespace.isRSS(namespace) {
                        channelDepth = depth
                    }
                    feed = current
                } else {
                    switch root(name, namespace) {
                    case .success(let kind):
                        feed = ParsedFeed(kind: kind)
                        // Atom's feed element is its channel; RDF's channel is a sibling of its items.
                        channelDepth = kind == .atom ? 0 : -1
                    case .failure(let error):
                        return .failure(error)
                    }
                }
            }
            status = consumedSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        }
        if status < 0 { return .failure(collector.failure) }
        guard let feed else { return .failure(.notAFeed("no root element")) }
        return .success(feed)
    }

    private static func root(_ name: String, _ namespace: String?) -> Result<FeedKind, FeedParseError> {
        switch name {
        case "rss" where namespace == nil: .success(.rss)
        case "RDF" where namespace == FeedNamespace.rdf: .success(.rss)
        case "feed" where FeedNamespace.isAtom(namespace): .success(.atom)
        case "html", "HTML": .failure(.notAFeed("an HTML page"))
        default: .failure(.notAFeed("root element <\(Sanitizer.cleanLine(String(name.prefix(40))))>"))
        }
    }

    private static func isItem(_ name: String, _ namespace: String?, in kind: FeedKind) -> Bool {
        kind == .atom ? name == "entry" && FeedNamespace.isAtom(namespace)
            : name == "item" && FeedNamespace.isRSS(namespace)
    }

    /// Reads the channel's title and site link; returns whether the element was used.
    private static func readChannelField(_ node: LibXMLNode, into feed: inout ParsedFeed) -> Bool {
        let namespace = node.namespace
        switch node.name {
        case "title" where FeedNamespace.isRSS(namespace) && feed.kind == .rss:
            if feed.title == nil { feed.title = Sanitizer.cleanLineOrNil(FeedText.plain(node.text)) }
        case "title" where FeedNamespace.isAtom(namespace):
            if feed.title == nil { feed.title = Sanitizer.cleanLineOrNil(FeedItemBuilder.textConstruct(node)) }
        case "link" where FeedNamespace.isRSS(namespace) && feed.kind == .rss:
            if feed.siteURL == nil { feed.siteURL = Sanitizer.cleanLineOrNil(node.text) }
        case "link" where FeedNamespace.isAtom(namespace):
            let rel = node.attribute("rel") ?? "alternate"
            if feed.siteURL == nil, rel == "alternate" {
                feed.siteURL = Sanitizer.cleanLineOrNil(node.attribute("href"))
            }
        default:
            return false
        }
        return true
    }

}
