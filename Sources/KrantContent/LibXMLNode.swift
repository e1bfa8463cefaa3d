import CLibxml2
import Foundation

/// A read-only view of one libxml2 tree node, for walking an expanded feed
/// item or an HTML body without sprinkling pointer code over the parsers.
/// Valid only while the document (or the reader position) that owns it lives.
package struct LibXMLNode {
    package let pointer: xmlNodePtr

    package init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    package var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    package var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    package var name: String { LibXML.string(pointer.pointee.name) ?? "" }
    package var namespace: String? { pointer.pointee.ns.flatMap { LibXML.string($0.pointee.href) } }

    /// The raw text of a text or CDATA node, without copying.
    package var rawContent: UnsafePointer<xmlChar>? { UnsafePointer(pointer.pointee.content) }

    package var children: LibXMLChildren { LibXMLChildren(first: pointer.pointee.children) }
    package var elementChildren: [LibXMLNode] { children.filter(\.isElement) }

    /// All descendant text and CDATA. Entity reference nodes are skipped, never
    /// expanded: libxml2's own `xmlNodeGetContent` and `xmlGetProp` expand
    /// them recursively, which is exactly how an entity bomb eats memory.
    package var text: String {
        var bytes: [UInt8] = []
        Self.appendText(of: pointer.pointee.children, to: &bytes, depth: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendText(of first: xmlNodePtr?, to bytes: inout [UInt8], depth: Int) {
        guard depth < 256 else { return }
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            case XML_ELEMENT_NODE:
                appendText(of: node.pointee.children, to: &bytes, depth: depth + 1)
            default:
                break
            }
            child = node.pointee.next
        }
    }

    /// An attribute without namespace (entity references in it skipped, see `text`).
    package func attribute(_ name: String) -> String? {
        attribute { $0.pointee.ns == nil && LibXML.string($0.pointee.name) == name }
    }

    package func attribute(_ name: String, namespace: String) -> String? {
        attribute {
            LibXML.string($0.pointee.name) == name && $0.pointee.ns.flatMap { LibXML.string($0.pointee.href) } == namespace
        }
    }

    private func attribute(where matches: (xmlAttrPtr) -> Bool) -> String? {
        var property = pointer.pointee.properties
        while let attribute = property {
            if matches(attribute) {
                var bytes: [UInt8] = []
                Self.appendText(of: attribute.pointee.children, to: &bytes, depth: 0)
                return String(decoding: bytes, as: UTF8.self)
            }
            property = attribute.pointee.next
        }
        return nil
    }

    /// The markup of the node's children, for Atom `type="xhtml"` content.
    package func innerMarkup() -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = pointer.pointee.children
        while let node = child {
            xmlNodeDump(buffer, pointer.pointee.doc, node, 0, 0)
            child = node.pointee.next
        }
        return LibXML.string(xmlBufferContent(buffer)) ?? ""
    }
}

/// Iterates a node's children in document order.
package struct LibXMLChildren: Sequence {
    package let first: xmlNodePtr?

    package func makeIterator() -> AnyIterator<LibXMLNode> {
        var next = first
        return AnyIterator {
            guard let node = next else { return nil }
            next = node.pointee.next
            return LibXMLNode(node)
        }
    }
}
