import Foundation
import KrantFeeds

/// A subscription list through `OPML.parse`: every outline has a feed URL,
/// and what the import shows of it is terminal-safe. An input that lost its
/// root element gets one back, as for the feed targets.
enum OPMLFuzzTarget {
    static func run(_ bytes: [UInt8], _ check: inout InvariantCheck) {
        let document = bytes.contains(subsequence: Array("<opml".utf8)) ? bytes
            : Array(#"<opml version="2.0"><body>"#.utf8) + bytes
        let outlines: [OPMLOutline]
        do {
            outlines = try OPML.parse(Data(document))
        } catch {
            check.expectOneLine(error.description, "the parse error")
            return
        }
        for (index, outline) in outlines.enumerated() {
            let name = "outline \(index + 1)"
            check.expect(!outline.xmlURL.isEmpty, "\(name) has an empty feed URL")
            check.expectOneLine(outline.xmlURL, "\(name)'s feed URL")
            if let title = outline.title { check.expectOneLine(title, "\(name)'s title") }
            if let category = outline.category { check.expectOneLine(category, "\(name)'s category") }
        }
    }
}
