import KrantCore

/// Blocks and link targets, as the reader lays them out: one line each,
/// nothing a terminal would act on.
enum BlockCheck {
    static func run(_ blocks: [Block], links: [String], name: String, _ check: inout InvariantCheck) {
        for (index, block) in blocks.enumerated() {
            let field = "\(name)'s block \(index + 1) (\(block.typeName))"
            check.expectOneLine(block.plainText, field)
            if case .caption(let caption) = block { check.expectOneLine(caption.credit, "\(field)'s credit") }
        }
        for (index, link) in links.enumerated() {
            check.expect(!link.isEmpty, "\(name)'s link \(index + 1) is empty")
            check.expectOneLine(link, "\(name)'s link \(index + 1)")
        }
    }
}
