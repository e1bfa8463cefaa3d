import KrantContent
import CLibxml2
import Foundation
import KrantCore

/// Reads an RSS or Atom document with libxml2's `xmlTextReader`: only the
/// item being read is ever expanded into a tree, and items leave in batches
/// as they are read, so memory stays bounded by a batch however many items
/// the feed has. The same reader walks a tree that libxml2's recovering
/// parser built (`xmlReaderWalker`), so a broken feed is read by the same rules.
struct XMLFeedReader {
    /// What one read of a document found.
    struct Pass {
        /// The channel's fields (no items), once the root element was recognised.
        var feed: ParsedFeed?
        /// Items read, delivered or skipped.
        var itemsRead = 0
        /// Why the read stopped before the end, if it did.
        var failure: FeedParseError?
    }

    /// Items already delivered by an earlier read of the same document, so
    /// a second read after a repair does not deliver them again.
    var skipping = 0
    var batchSize = 256
    /// Set for a tree the recovering parser built, where an item left open
    /// holds every item after it: those are moved out to follow it.
    var liftsNestedItems = false

    /// Reads a document from memory; `url` is the base of relative links.
    func read(_ bytes: UnsafeRawBufferPointer, url: String?, deliver: (ParsedFeed) -> Void) -> Pass {
        LibXML.prepare()
        let collector = XMLErrorCollector()
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
              let reader = xmlReaderForMemory(base, Int32(clamping: bytes.count), url, nil, LibXML.xmlOptions) else {
            return Pass(failure: .malformed("line 1: empty document"))
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, collector.context)
        return read(reader, collector: collector, deliver: deliver)
    }

    /// Reads a tree the recovering parser built.
    func read(_ document: xmlDocPtr, deliver: (ParsedFeed) -> Void) -> Pass {
        guard let reader = xmlReaderWalker(document) else { return Pass(failure: .malformed("unreadable XML")) }
        defer { xmlFreeTextReader(reader) }
        return read(reader, collector: XMLErrorCollector(), deliver: deliver)
    }

    private func read(_ reader: xmlTextReaderPtr, collector: XMLErrorCollector, deliver: (ParsedFeed) -> Void) -> Pass {
        var pass = Pass()
        var batch: [FeedItem] = []
        var channelDepth: Int32 = -1
        var rootNamespace: String?
        var status = xmlTextReaderRead(reader)
        func flush() {
            guard !batch.isEmpty, let feed = pass.feed else { return }
            var delivery = feed
            delivery.items = batch
            deliver(delivery)
            batch.removeAll(keepingCapacity: true)
        }
        while status == 1 {
            var consumedSubtree = false
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                let depth = xmlTextReaderDepth(reader)
                let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
                if let kind = pass.feed?.kind {
                    if Self.isItem(name, namespace, kind: kind, rootNamespace: rootNamespace) {
                        // An item that cannot be expanded is where the document
                        // breaks: stop there, so that the items read are always
                        // the first ones and a later read can skip them by count.
                        guard let node = xmlTextReaderExpand(reader) else { break }
                        if liftsNestedItems { Self.liftNestedItems(of: node, kind: kind, rootNamespace: rootNamespace) }
                        pass.itemsRead += 1
                        if pass.itemsRead > skipping {
                            batch.append(FeedItemBuilder.item(from: LibXMLNode(node), kind: kind,
                                                              rootNamespace: rootNamespace))
                            if batch.count >= batchSize { flush() }
                        }
                        consumedSubtree = true
                    } else if depth == channelDepth + 1, let node = xmlTextReaderExpand(reader) {
                        consumedSubtree = ChannelFields.read(LibXMLNode(node), rootNamespace: rootNamespace,
                                                             into: &pass.feed!)
                    } else if kind == .rss, name == "channel", namespace == rootNamespace || FeedNamespace.isRSS(namespace) {
                        channelDepth = depth
                    }
                } else {
                    switch Self.root(name, namespace) {
                    case .success(let kind):
                        pass.feed = ParsedFeed(kind: kind)
                        // RDF's items are in RSS 1.0's namespace, not the root's.
                        rootNamespace = name == "RDF" ? nil : namespace
                        // Atom's feed element is its channel; RDF's channel is a sibling of its items.
                        channelDepth = kind == .atom ? 0 : -1
                    case .failure(let error):
                        pass.failure = error
                        return pass
                    }
                }
            }
            status = consumedSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        }
        flush()
        if status == 1 {
            pass.failure = collector.failure
        } else if status < 0 {
            pass.failure = collector.failure
        } else if pass.feed == nil {
            pass.failure = .notAFeed("no root element")
        }
        return pass
    }

    /// An RSS `item` or Atom `entry`, in the format's namespace or the root's.
    private static func isItem(_ name: String, _ namespace: String?, kind: FeedKind, rootNamespace: String?) -> Bool {
        let inFormat = namespace == rootNamespace
            || (kind == .atom ? FeedNamespace.isAtom(namespace) : FeedNamespace.isRSS(namespace))
        return name == (kind == .atom ? "entry" : "item") && inFormat
    }

    /// Moves items nested anywhere inside `item` to follow it, in document
    /// order, so that `<br>` in one item's XML (which the recovering parser
    /// leaves open until the end) does not swallow every item after it.
    private static func liftNestedItems(of item: xmlNodePtr, kind: FeedKind, rootNamespace: String?) {
        var nested: [xmlNodePtr] = []
        func collect(_ first: xmlNodePtr?, depth: Int) {
            guard depth < 256 else { return }
            var child = first
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    let element = LibXMLNode(node)
                    if isItem(element.name, element.namespace, kind: kind, rootNamespace: rootNamespace) {
                        nested.append(node)
                    }
                    collect(node.pointee.children, depth: depth + 1)
                }
                child = node.pointee.next
            }
        }
        collect(item.pointee.children, depth: 0)
        for node in nested.reversed() {
            xmlUnlinkNode(node)
            xmlAddNextSibling(item, node)
        }
    }

    /// RSS 2.0 has no namespace, but some feeds put `rss` in one (UserLand's
    /// `http://backend.userland.com/rss2`), and some Atom feeds leave `feed`
    /// without Atom's: the root's namespace is then the format's for the
    /// whole document.
    private static func root(_ name: String, _ namespace: String?) -> Result<FeedKind, FeedParseError> {
        switch name {
        case "rss": .success(.rss)
        case "RDF" where namespace == FeedNamespace.rdf: .success(.rss)
        case "feed": .success(.atom)
        case "html", "HTML": .failure(.notAFeed("an HTML page"))
        default: .failure(.notAFeed("root element <\(Sanitizer.cleanLine(String(name.prefix(40))))>"))
        }
    }
}
