/// A framed window drawn over the reader (help, outline, category chooser),
/// with a title in its top border and a scrolling list of lines.
struct OverlayBox {
    var title: String
    var lines: [StyledLine]
    /// The highlighted line, if the box is a menu.
    var selection: Int?
    /// First line shown when the lines do not fit.
    var top: Int
    var preferredWidth: Int

    func placement(in area: Rect) -> OverlayPlacement {
        OverlayPlacement(lineCount: lines.count, selection: selection, top: top, preferredWidth: preferredWidth,
                         area: area)
    }

    func draw(into buffer: inout CellBuffer, area: Rect) {
        let placement = placement(in: area)
        let first = placement.first
        guard placement.isFramed else {
            // Too little room for a frame: the list itself, as much as fits.
            let rows = placement.lineArea
            for row in 0..<rows.height {
                let index = first + row
                let role: StyleRole = index == selection ? .overlaySelected : .overlay
                buffer.fill(x: rows.x, y: rows.y + row, width: rows.width, height: 1, role: role)
                buffer.put(index == selection ? lines[index].restyled(role) : lines[index],
                           x: rows.x, y: rows.y + row, maxWidth: rows.width)
            }
            return
        }
        let (x, y, width, height) = (placement.box.x, placement.box.y, placement.box.width, placement.box.height)
        let inner = placement.lineArea.width
        let visible = placement.lineArea.height

        buffer.fill(x: x, y: y, width: width, height: height, role: .overlay)
        let heading = TextWrapper.truncate(" \(title) ", width: max(0, inner - 2))
        buffer.put("┌─" + heading + String(repeating: "─", count: max(0, inner - 1 - DisplayWidth.of(heading))) + "┐",
                   x: x, y: y, role: .overlayTitle, maxWidth: width)
        for row in 0..<visible {
            buffer.put("│", x: x, y: y + 1 + row, role: .overlay)
            buffer.put("│", x: x + width - 1, y: y + 1 + row, role: .overlay)
            let index = first + row
            guard index < lines.count else { continue }
            let isSelected = selection == index
            var line = lines[index]
            if isSelected {
                line = line.restyled(.overlaySelected)
                buffer.fill(x: x + 1, y: y + 1 + row, width: inner, height: 1, role: .overlaySelected)
            }
            buffer.put(line, x: x + 1, y: y + 1 + row, maxWidth: inner)
        }
        let more = lines.count > visible ? " \(first + 1)–\(min(lines.count, first + visible))/\(lines.count) " : ""
        let bottomFill = max(0, inner - DisplayWidth.of(more))
        buffer.put("└" + String(repeating: "─", count: bottomFill) + more + "┘", x: x, y: y + height - 1,
                   role: .overlay, maxWidth: width)
    }
}

extension StyledLine {
    func restyled(_ role: StyleRole) -> StyledLine {
        StyledLine(spans.map { StyledSpan($0.text, role) })
    }
}
