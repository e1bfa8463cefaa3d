import KrantCore

/// One row of a frame as the backend puts it on the terminal: what ncurses
/// holds, and what the backend writes itself after each update (see
/// `CellGlyph` for why).
struct RowPlan: Equatable {
    /// Scalars shown from a column on, in a role.
    struct Placement: Equatable {
        var column: Int
        var scalars: [Unicode.Scalar]
        var role: StyleRole
    }

    /// Every column's ncurses character, in column order.
    private(set) var curses: [Placement] = []
    /// Written directly after each update, in column order: the clusters
    /// ncurses cannot hold, and after each the cells a terminal drawing it
    /// scalar by scalar runs over, again as ncurses holds them. Writing them
    /// in order at their own columns leaves every cell where the frame has it.
    private(set) var direct: [Placement] = []

    /// - cells: the row, as many as the columns drawn.
    /// - directColumns: how many columns a direct write may cover without
    ///   wrapping.
    /// - scalarWidth: the C library's `wcwidth`.
    init(cells: [Cell], directColumns: Int, scalarWidth: (Unicode.Scalar) -> Int) {
        // A wide cell across the limit could not be written again after an
        // overrun into its left half: overruns stop before it.
        var limit = directColumns
        if limit > 0, limit < cells.count, cells[limit].isContinuation { limit -= 1 }
        var rewriteUntil = 0
        for (column, original) in cells.enumerated() where !original.isContinuation {
            var cell = original
            // A wide cluster cut by the terminal's right edge becomes a blank.
            if cell.width >= 2, column + 1 >= cells.count {
                cell = Cell(text: " ", width: 1, role: cell.role)
            }
            let glyph = CellGlyph(cell: cell, room: limit - column, scalarWidth: scalarWidth)
            var held: [Placement] = []
            var next = column
            for character in glyph.curses {
                held.append(Placement(column: next, scalars: character, role: cell.role))
                next += max(1, scalarWidth(character[0]))
            }
            curses += held
            if let scalars = glyph.direct {
                direct.append(Placement(column: column, scalars: scalars, role: cell.role))
                rewriteUntil = max(rewriteUntil, column + glyph.reach)
            } else if column < rewriteUntil {
                direct += held
            }
        }
    }
}
