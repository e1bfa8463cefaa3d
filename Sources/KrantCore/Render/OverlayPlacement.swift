/// Where a window over the reader (`OverlayBox`) goes in an area, and which
/// of its lines show where. The renderer draws by it and a mouse click is
/// resolved by it, so a click always lands on the line drawn under it.
struct OverlayPlacement: Hashable, Sendable {
    /// The cells the window covers, its frame included.
    var box: Rect
    /// The cells its lines are drawn in (inside the frame, when it has one).
    var lineArea: Rect
    /// The first line shown, at the top of `lineArea`.
    var first: Int
    /// False when the area is too small for a frame: then the lines alone
    /// are drawn over the whole width, from the area's top.
    var isFramed: Bool
    var lineCount: Int

    /// The highlighted line (`selection`) is always shown; without one the
    /// lines shown start at `top`.
    init(lineCount: Int, selection: Int?, top: Int, preferredWidth: Int, area: Rect) {
        self.lineCount = lineCount
        let width = min(preferredWidth, area.width - 2)
        let height = min(lineCount + 2, area.height - 1)
        isFramed = width >= 8 && height >= 3
        guard isFramed else {
            first = max(0, min(selection ?? top, lineCount - 1))
            box = Rect(x: area.x, y: area.y, width: area.width,
                       height: max(0, min(lineCount - first, area.height)))
            lineArea = box
            return
        }
        box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2),
                   width: width, height: height)
        lineArea = Rect(x: box.x + 1, y: box.y + 1, width: width - 2, height: height - 2)
        var first = top
        if let selection {
            if selection < first { first = selection }
            if selection >= first + lineArea.height { first = selection - lineArea.height + 1 }
        }
        self.first = max(0, min(first, lineCount - lineArea.height))
    }

    /// The line drawn at a cell, or nil for the frame, an empty row or a
    /// cell outside the window.
    func line(atX x: Int, y: Int) -> Int? {
        guard lineArea.contains(x: x, y: y) else { return nil }
        let index = first + y - lineArea.y
        return index < lineCount ? index : nil
    }
}
