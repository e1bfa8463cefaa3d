import CLibxml2
import KrantContent
import Foundation

/// Reads RSS (2.0, 1.0 RDF, 0.9x), Atom (1.0 and 0.3) and JSON Feed 1.x
/// documents, recovering from the errors real feeds have instead of losing
/// the feed (see `XMLRepair`): a feed is rejected only when no item in it
/// can be read.
public enum FeedParser {
    public static let defaultSizeLimit = 64 * 1024 * 1024

    /// Broken XML that the repairs did not mend is read again by libxml2's
    /// recovering parser, which builds the whole tree; above this size the
    /// items read before the error are kept instead, so memory stays bounded.
    static let recoveringTreeLimit = 8 * 1024 * 1024

    /// The whole feed, items included. `url` is the feed's address: relative
    /// links (and `xml:base`) are resolved against it.
    public static func parse(_ data: Data, url: String? = nil,
                             sizeLimit: Int = defaultSizeLimit) throws(FeedParseError) -> ParsedFeed {
        var items: [FeedItem] = []
        var feed = try parse(data, url: url, sizeLimit: sizeLimit) { items += $0.items }
        feed.items = items
        return feed
    }

    /// Reads the feed and hands its items to `deliver` in batches of about
    /// `batchSize` as they are read (each batch with the channel's fields
    /// read so far), so that a feed of millions of items never has them all
    /// in memory at once. Returns the channel's fields without items.
    ///
    /// The size is checked before anything is read, so an oversized download
    /// costs nothing. XML goes through libxml2's streaming reader with
    /// entities left unexpanded and no network or DTD access.
    public static func parse(_ data: Data, url: String? = nil, sizeLimit: Int = defaultSizeLimit,
                             batchSize: Int = 256,
                             deliver: (ParsedFeed) -> Void) throws(FeedParseError) -> ParsedFeed {
        // libxml2 takes an Int32 length.
        let limit = min(sizeLimit, Int(Int32.max))
        guard data.count <= limit else { throw .tooLarge(limit: sizeLimit) }
        switch FeedSniffer.sniff(data) {
        case .empty: throw .notAFeed("empty document")
        case .json: return try JSONFeedParser.parse(data, batchSize: batchSize, deliver: deliver).get()
        case .html: throw .notAFeed("an HTML page")
        case .unknown: throw .notAFeed("neither XML nor JSON")
        case .xml: return try parseXML(data, url: url, batchSize: batchSize, deliver: deliver).get()
        }
    }

    /// Reads as written; when that fails, repairs what is unambiguous and
    /// reads again; when that fails too, lets libxml2's recovering parser
    /// read what it can. Items delivered by an earlier read are not
    /// delivered again: the reads see the same items up to the first error.
    private static func parseXML(_ data: Data, url: String?, batchSize: Int,
                                 deliver: (ParsedFeed) -> Void) -> Result<ParsedFeed, FeedParseError> {
        var document = data
        if let utf8 = data.withUnsafeBytes(XMLDeclaration.preferringUTF8) { document = utf8 }
        if let mapped = C1References.rewrite(document) { document = mapped }
        var delivered = 0
        func reader() -> XMLFeedReader { XMLFeedReader(skipping: delivered, batchSize: batchSize) }
        func counting(_ batch: ParsedFeed) {
            delivered += batch.items.count
            deliver(batch)
        }
        let first = document.withUnsafeBytes { reader().read($0, url: url, deliver: counting) }
        guard let firstFailure = first.failure else { return .success(first.feed!) }
        if case .notAFeed = firstFailure { return .failure(firstFailure) }

        var repairs = 0
        if let repaired = XMLRepair.repair(document) {
            document = repaired.data
            repairs = repaired.repairs
            let second = document.withUnsafeBytes { reader().read($0, url: url, deliver: counting) }
            if second.failure == nil, var feed = second.feed {
                feed.recoveredErrors = repairs
                return .success(feed)
            }
        }
        if document.count <= recoveringTreeLimit,
           let recovered = readRecovering(document, url: url, reader: reader(), deliver: counting),
           var feed = recovered.feed, delivered > 0 {
            feed.recoveredErrors = repairs + max(recovered.errors, 1)
            return .success(feed)
        }
        if delivered > 0, var feed = first.feed {
            // Too large for a recovering read: keep what came before the error.
            feed.recoveredErrors = repairs + 1
            return .success(feed)
        }
        return .failure(firstFailure)
    }

    /// Builds the tree with libxml2's recovery on (which reads past
    /// mismatched and unclosed tags) and walks it with the feed reader.
    /// What a recovering parser makes of a broken item can be empty
    /// (`<item>` and then the end): such items are dropped, and a feed of
    /// nothing else has nothing to keep. Items go out in batches as they
    /// are walked; the tree itself is at most `recoveringTreeLimit` of XML.
    private static func readRecovering(_ data: Data, url: String?, reader: XMLFeedReader,
                                       deliver: (ParsedFeed) -> Void) -> (feed: ParsedFeed?, errors: Int)? {
        LibXML.prepare()
        let collector = XMLErrorCollector()
        xmlSetStructuredErrorFunc(collector.context, XMLErrorCollector.handler)
        defer { krant_xml_silence_thread() }
        let document = data.withUnsafeBytes { bytes -> xmlDocPtr? in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(clamping: bytes.count), url, nil,
                                 LibXML.xmlOptions | Int32(XML_PARSE_RECOVER.rawValue))
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var walker = reader
        walker.liftsNestedItems = true
        let pass = walker.read(document) { batch in
            var kept = batch
            kept.items = batch.items.filter(\.hasContent)
            if !kept.items.isEmpty { deliver(kept) }
        }
        return (pass.feed, collector.count)
    }
}

extension FeedItem {
    /// Whether anything in the item can be shown or identified.
    var hasContent: Bool {
        !title.isEmpty || link != nil || guid != nil || !(contentHTML ?? "").isEmpty || !enclosures.isEmpty
    }
}
