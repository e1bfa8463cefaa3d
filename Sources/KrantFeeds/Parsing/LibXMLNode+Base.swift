import Foundation
import CLibxml2
import KrantContent

extension LibXMLNode {
    /// The base URL in effect at this node: `xml:base` on it or on any
    /// ancestor, resolved against the document's URL (the feed's).
    var baseURL: String? {
        guard let base = xmlNodeGetBase(pointer.pointee.doc, pointer) else { return nil }
        defer { krant_xml_free(base) }
        return LibXML.string(base)
    }

    /// True when `xml:base` is set on this node or an ancestor: only then
    /// does the node's base differ from the document's.
    var hasXMLBase: Bool {
        var current: xmlNodePtr? = pointer
        while let node = current, node.pointee.type == XML_ELEMENT_NODE {
            if LibXMLNode(node).attribute("base", namespace: Self.xmlNamespace) != nil { return true }
            current = node.pointee.parent
        }
        return false
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// `reference` made absolute against this node's base; unchanged when
    /// it is absolute already or there is no base.
    func resolvedURL(_ reference: String) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !Self.isAbsolute(trimmed), let base = baseURL,
              let resolved = xmlBuildURI(trimmed, base) else { return trimmed }
        defer { krant_xml_free(resolved) }
        return LibXML.string(resolved) ?? trimmed
    }

    /// A scheme before any `/`, `?` or `#`: `https:`, `mailto:`.
    static func isAbsolute(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
