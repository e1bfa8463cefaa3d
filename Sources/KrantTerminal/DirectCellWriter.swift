import CNcursesw
import Glibc
import KrantCore

/// Writes the placements of `RowPlan.direct` to the terminal after
/// `doupdate()`, through ncurses' own low-level calls (`mvcur`, `vid_attr`)
/// so that its record of the terminal's cursor and attributes stays true.
///
/// After a cluster the cursor's column depends on how the terminal drew it,
/// so every placement is reached from an "unknown" position (-1, -1), which
/// makes `mvcur` address the cursor absolutely; the last move leaves it at a
/// known place for the next update.
enum DirectCellWriter {
    static func write(_ rows: [Int: [RowPlan.Placement]], style: (StyleRole) -> (attr_t, Int16)) {
        guard !rows.isEmpty else { return }
        for (row, placements) in rows.sorted(by: { $0.key < $1.key }) {
            for placement in placements {
                mvcur(-1, -1, Int32(row), Int32(placement.column))
                let (attributes, pair) = style(placement.role)
                vid_attr(attributes, pair, nil)
                for scalar in placement.scalars where !CellGlyph.isControl(scalar) {
                    for byte in String(scalar).utf8 {
                        putchar(Int32(byte))
                    }
                }
            }
        }
        // As doupdate leaves the terminal: attributes off, cursor placed.
        vid_attr(NC_A_NORMAL, 0, nil)
        mvcur(-1, -1, 0, 0)
        nc_flush_stdout()
    }
}
