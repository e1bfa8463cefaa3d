import KrantContent
import CLibxml2
import Foundation
import KrantCore

/// Subscription lists in OPML 1.0/2.0, the format every feed reader imports and exports.
public enum OPML {
    /// OPML 1.0/2.0; nested folder outlines become the category of the feeds
    /// inside (the innermost folder wins, since krant's categories are flat).
    public static func parse(_ data: Data) throws(FeedParseError) -> [OPMLOutline] {
        guard data.count <= FeedParser.defaultSizeLimit else { throw .tooLarge(limit: FeedParser.defaultSizeLimit) }
        LibXML.prepare()
        let collector = XMLErrorCollector()
        let result: Result<[OPMLOutline], FeedParseError> = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0,
                  let reader = xmlReaderForMemory(base, Int32(clamping: bytes.count), nil, nil, LibXML.xmlOptions)
            else { return .failure(.notAFeed("empty document")) }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, collector.context)
            // The same secure reader as for feeds; OPML files are small, so the
            // root is expanded into one tree.
            var status = xmlTextReaderRead(reader)
            while status == 1, xmlTextReaderNodeType(reader) != Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                status = xmlTextReaderRead(reader)
            }
            guard status == 1, let rootPointer = xmlTextReaderExpand(reader) else { return .failure(collector.failure) }
            let root = LibXMLNode(rootPointer)
            guard root.name == "opml" else { return .failure(.notAFeed("not an OPML document")) }
            var outlines: [OPMLOutline] = []
            for child in root.elementChildren where child.name == "body" {
                collect(child, category: nil, into: &outlines)
            }
            // Reading on checks that the rest of the document is well-formed.
            status = xmlTextReaderNext(reader)
            while status == 1 { status = xmlTextReaderRead(reader) }
            return status < 0 ? .failure(collector.failure) : .success(outlines)
        }
        return try result.get()
    }

    private static func collect(_ node: LibXMLNode, category: String?, into outlines: inout [OPMLOutline]) {
        for outline in node.elementChildren where outline.name == "outline" {
            let title = Sanitizer.cleanLineOrNil(outline.attribute("title")) ?? Sanitizer.cleanLineOrNil(outline.attribute("text"))
            if let url = Sanitizer.cleanLineOrNil(outline.attribute("xmlUrl")) {
                let attributeCategory = Sanitizer.cleanLineOrNil(outline.attribute("category")).flatMap(firstCategory)
                outlines.append(OPMLOutline(title: title, xmlURL: url, category: category ?? attributeCategory))
            } else {
                collect(outline, category: title ?? category, into: &outlines)
            }
        }
    }

    /// The OPML 2.0 `category` attribute is a comma-separated list of slash paths.
    private static func firstCategory(_ value: String) -> String? {
        guard let first = value.split(separator: ",").first else { return nil }
        let name = first.split(separator: "/").last.map { Sanitizer.cleanLine(String($0)) } ?? ""
        return name.isEmpty ? nil : name
    }

    /// OPML 2.0, categories as folder outlines, properly escaped. Feeds without
    /// a category come first, then one folder per category in order of first use.
    public static func export(_ outlines: [OPMLOutline], title: String = "krant subscriptions") -> String {
        var folders: [String] = []
        var byFolder: [String: [OPMLOutline]] = [:]
        var loose: [OPMLOutline] = []
        for outline in outlines {
            guard let category = Sanitizer.cleanLineOrNil(outline.category) else {
                loose.append(outline)
                continue
            }
            if byFolder[category] == nil { folders.append(category) }
            byFolder[category, default: []].append(outline)
        }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
            "  </head>",
            "  <body>",
        ]
        lines += loose.map { feedLine($0, indent: "    ") }
        for folder in folders {
            lines.append(#"    <outline text="\#(escape(folder))" title="\#(escape(folder))">"#)
            lines += byFolder[folder, default: []].map { feedLine($0, indent: "      ") }
            lines.append("    </outline>")
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func feedLine(_ outline: OPMLOutline, indent: String) -> String {
        let title = escape(Sanitizer.cleanLineOrNil(outline.title) ?? outline.xmlURL)
        return indent + #"<outline type="rss" text="\#(title)" title="\#(title)" xmlUrl="\#(escape(outline.xmlURL))"/>"#
    }

    /// Escapes for both text and attribute values; control characters go first,
    /// since XML 1.0 cannot carry them at all.
    private static func escape(_ text: String) -> String {
        FeedText.escapeHTML(Sanitizer.cleanLine(text))
    }
}
