/// A grid of cells that screens are drawn into, like ratatui's `Buffer`.
///
/// Every widget writes here, never to the terminal, so a screen is a value:
/// tests compare it as text, and the terminal backend places each cell at an
/// explicit position, so a width disagreement cannot shift a whole line.
/// All writes clip to the buffer; a wide cluster that would straddle the
/// right edge (or a clip boundary) becomes a blank instead.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at column `x` of row `y`, using at most `maxWidth`
    /// columns (default: to the right edge). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let clusterWidth = DisplayWidth.of(character)
            if clusterWidth == 0 { continue }
            if column + clusterWidth > limit {
                // A wide cluster that does not fit leaves a blank, never half a glyph.
                if column < limit { set(column, y, Cell(text: " ", width: 1, role: role)); column += 1 }
                break
            }
            if column >= 0 {
                set(column, y, Cell(text: String(character), width: UInt8(clusterWidth), role: role))
                if clusterWidth == 2 { set(column + 1, y, Cell(text: "", width: 0, role: role)) }
            }
            column += clusterWidth
        }
        return column - x
    }

    /// Writes styled spans one after another on a row; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for span in line.spans where used < limit {
            used += put(span.text, x: x + used, y: y, role: span.role, maxWidth: limit - used)
        }
        return used
    }

    /// Paints a rectangle blank in a role (a background for bars and overlays).
    public mutating func fill(x: Int, y: Int, width fillWidth: Int, height fillHeight: Int, role: StyleRole) {
        for row in max(0, y)..<min(height, y + fillHeight) {
            for column in max(0, x)..<max(max(0, x), min(width, x + fillWidth)) {
                set(column, row, Cell(text: " ", width: 1, role: role))
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        // Overwriting half of a wide cluster blanks its other half.
        if cells[index].width == 2, x + 1 < width { cells[index + 1] = Cell(text: " ", width: 1, role: cells[index].role) }
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(text: " ", width: 1, role: cells[index - 1].role) }
        cells[index] = cell
    }

    /// The screen as text, one string per row (continuation cells skipped), as
    /// a user would read it.
    public var textLines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation {
                line += self[column, row].text
            }
            return line
        }
    }

    /// One character per column naming the role there, for snapshot tests of
    /// styling (`legend` maps roles to characters; others show as `?`).
    public func roleMask(_ legend: [StyleRole: Character]) -> [String] {
        (0..<height).map { row in
            String((0..<width).map { legend[self[$0, row].role] ?? "?" })
        }
    }
}
