import CLibxml2
import Foundation
import KrantCore

/// Turns an item's HTML body into blocks with libxml2's forgiving HTML parser,
/// the way a browser would read it (see `HTMLBlockBuilder` for the rules).
public enum HTMLArticleConverter {
    /// HTML body → blocks, with links as numbered references unless
    /// `numbersLinks` is false (the words alone, for the search index).
    public static func convert(_ html: String, baseURL: String?, numbersLinks: Bool = true) -> HTMLArticle {
        var builder = HTMLBlockBuilder(baseURL: baseURL, numbersLinks: numbersLinks)
        withDocument(html) { builder.walk($0) }
        var blocks = builder.finish()
        var leadCaption: Caption?
        if case .caption(let caption) = blocks.first {
            leadCaption = caption
            blocks.removeFirst()
        }
        return HTMLArticle(leadCaption: leadCaption, blocks: blocks, links: builder.links, linkTexts: builder.linkTexts)
    }

    /// The text of an HTML fragment on one line, without link references: for
    /// titles and captions that arrive as markup.
    package static func plainText(_ html: String) -> String {
        var builder = HTMLBlockBuilder(baseURL: nil, numbersLinks: false)
        withDocument(html) { builder.walk($0) }
        return builder.finish().map(\.plainText).joined(separator: " ")
    }

    private static func withDocument(_ html: String, _ body: (LibXMLNode) -> Void) {
        guard !html.isEmpty else { return }
        LibXML.prepare()
        // The HTML parser silently drops raw ESC and BEL, which would leave an
        // escape sequence's payload behind as text; as 8-bit controls the
        // Sanitizer removes them whole.
        var html = html
        if html.withUTF8({ ControlCharacterScrubber.needsScrubbing(UnsafeRawBufferPointer($0)) }),
           let scrubbed = ControlCharacterScrubber.scrub(Data(html.utf8)) {
            html = String(decoding: scrubbed.data, as: UTF8.self)
        }
        if let mapped = html.withUTF8({ C1References.rewrite(UnsafeRawBufferPointer($0)) }) {
            html = String(decoding: mapped, as: UTF8.self)
        }
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(clamping: bytes.count), nil, "UTF-8", LibXML.htmlOptions)
            }
            guard let document else { return }
            defer { xmlFreeDoc(document) }
            var child = document.pointee.children
            while let node = child {
                body(LibXMLNode(node))
                child = node.pointee.next
            }
        }
    }
}
