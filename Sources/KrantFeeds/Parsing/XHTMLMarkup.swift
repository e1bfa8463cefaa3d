import Foundation
import CLibxml2
import KrantContent

/// Writes inline XHTML (Atom `type="xhtml"`, RSS `xhtml:body`) out as the
/// HTML the body converter reads. libxml2's own serialiser keeps prefixes
/// (`<xhtml:p>`), which an HTML parser sees as unknown elements, losing
/// every paragraph and heading; here elements and attributes go by their
/// local names, and text is escaped again.
enum XHTMLMarkup {
    /// Deeper nesting than this is not written (hostile input).
    private static let maxDepth = 200

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    static func html(ofChildrenOf node: LibXMLNode) -> String {
        var output: [UInt8] = []
        for child in node.children { write(child, to: &output, depth: 0) }
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ node: LibXMLNode, to output: inout [UInt8], depth: Int) {
        guard depth < maxDepth else { return }
        if node.isText {
            if let content = node.rawContent { escape(UnsafeBufferPointer(start: content, count: strlen(content)), into: &output) }
            return
        }
        guard node.isElement else { return }
        let name = Array(node.name.utf8)
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: name)
        var property = node.pointer.pointee.properties
        while let attribute = property {
            if let attributeName = attribute.pointee.name {
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: UnsafeBufferPointer(start: attributeName, count: strlen(attributeName)))
                output.append(contentsOf: Array("=\"".utf8))
                var child = attribute.pointee.children
                while let text = child {
                    if let content = text.pointee.content {
                        escape(UnsafeBufferPointer(start: content, count: strlen(content)), into: &output)
                    }
                    child = text.pointee.next
                }
                output.append(UInt8(ascii: "\""))
            }
            property = attribute.pointee.next
        }
        output.append(UInt8(ascii: ">"))
        // `<br></br>` would be two line breaks to an HTML parser.
        if voidElements.contains(node.name) { return }
        for child in node.children { write(child, to: &output, depth: depth + 1) }
        output.append(contentsOf: Array("</".utf8))
        output.append(contentsOf: name)
        output.append(UInt8(ascii: ">"))
    }

    private static func escape(_ bytes: UnsafeBufferPointer<xmlChar>, into output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): output.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): output.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\""): output.append(contentsOf: Array("&quot;".utf8))
            default: output.append(byte)
            }
        }
    }
}
