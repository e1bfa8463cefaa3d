import KrantContent
import Foundation

/// Reads RSS (2.0, 1.0 RDF, 0.9x), Atom 1.0 and JSON Feed 1.x documents.
public enum FeedParser {
    public static let defaultSizeLimit = 64 * 1024 * 1024

    /// Detects RSS 2.0 (also RSS 0.9x/1.0 RDF if cheap), Atom 1.0 or JSON Feed 1.x from the bytes.
    ///
    /// The size is checked before anything is read, so an oversized download
    /// costs nothing. XML goes through libxml2's streaming reader with
    /// entities left unexpanded and no network or DTD access.
    public static func parse(_ data: Data, sizeLimit: Int = defaultSizeLimit) throws(FeedParseError) -> ParsedFeed {
        // libxml2 takes an Int32 length.
        let limit = min(sizeLimit, Int(Int32.max))
        guard data.count <= limit else { throw .tooLarge(limit: sizeLimit) }
        switch FeedSniffer.sniff(data) {
        case .empty: throw .notAFeed("empty document")
        case .json: return try JSONFeedParser.parse(data).get()
        case .html: throw .notAFeed("an HTML page")
        case .unknown: throw .notAFeed("neither XML nor JSON")
        case .xml:
            let result = data.withUnsafeBytes { XMLFeedReader.parse($0) }
            if case .failure(.malformed) = result, let cleaned = ControlCharacterScrubber.scrub(data) {
                // A stray control character makes XML ill-formed; retry without
                // it rather than lose the whole feed (see ControlCharacterScrubber).
                return try cleaned.withUnsafeBytes { XMLFeedReader.parse($0) }.get()
            }
            return try result.get()
        }
    }
}
