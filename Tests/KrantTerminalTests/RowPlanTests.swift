import KrantCore
@testable import KrantTerminal
import Testing

struct RowPlanTests {
    private typealias Placement = RowPlan.Placement

    private func plan(_ text: String, width: Int = 10, directColumns: Int? = nil) -> RowPlan {
        var buffer = CellBuffer(width: width, height: 1)
        buffer.put(text, x: 0, y: 0, role: .normal)
        return RowPlan(cells: (0..<width).map { buffer[$0, 0] }, directColumns: directColumns ?? width,
                       scalarWidth: CursesWidths.glibc)
    }

    private func at(_ column: Int, _ text: String) -> Placement {
        Placement(column: column, scalars: Array(text.unicodeScalars), role: .normal)
    }

    @Test func plainTextIsAllNcurses() {
        let row = plan("abc", width: 4)
        #expect(row.curses == [at(0, "a"), at(1, "b"), at(2, "c"), at(3, " ")])
        #expect(row.direct.isEmpty)
    }

    @Test func aFlagIsHeldAsBlanksAndWrittenOverThem() {
        let row = plan("A🇻🇳B", width: 5)
        #expect(row.curses == [at(0, "A"), at(1, " "), at(2, " "), at(3, "B"), at(4, " ")])
        #expect(row.direct == [at(1, "🇻🇳")])
    }

    @Test func theCellsASkinToneRunsOverAreWrittenAgain() {
        let row = plan("A👍🏽BCD")
        #expect(row.direct == [at(1, "👍🏽"), at(3, "B"), at(4, "C")])
    }

    @Test func theCellsAFamilyRunsOverAreWrittenAgain() {
        let row = plan("A👨‍👩‍👧BCDEFG")
        #expect(row.direct == [at(1, "👨‍👩‍👧"), at(3, "B"), at(4, "C"), at(5, "D"), at(6, "E")])
    }

    /// Each cluster's overrun is covered by what follows, itself included.
    @Test func clustersInARowEachGetTheirOwnWrite() {
        let row = plan("👍🏽👍🏽xyz")
        #expect(row.direct == [at(0, "👍🏽"), at(2, "👍🏽"), at(4, "x"), at(5, "y")])
    }

    @Test func aWideCellInTheOverrunIsWrittenWhole() {
        let row = plan("👍🏽語x")
        #expect(row.direct == [at(0, "👍🏽"), at(2, "語")])
    }

    @Test func atTheRightEdgeTheFallbackIsHeldByNcurses() {
        let thumb = plan("ab👍🏽", width: 4)
        #expect(thumb.curses == [at(0, "a"), at(1, "b"), at(2, "👍")])
        #expect(thumb.direct.isEmpty)
        // The terminal's bottom-right cell is never written directly.
        let flag = plan("ab🇻🇳", width: 4, directColumns: 3)
        #expect(flag.curses == [at(0, "a"), at(1, "b"), at(2, "V"), at(3, "N")])
        #expect(flag.direct.isEmpty)
        // Nor is a wide cell across that limit, which an overrun would halve.
        let overrun = plan("👍🏽a語", width: 5, directColumns: 4)
        #expect(overrun.curses.prefix(1) == [at(0, "👍")])
        #expect(overrun.direct.isEmpty)
    }

    @Test func aWideClusterCutByTheEdgeIsABlank() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("abc🇻🇳", x: 0, y: 0, role: .normal)
        var cells = (0..<4).map { buffer[$0, 0] }
        cells[3] = Cell(text: "🇻🇳", width: 2, role: .normal)
        let row = RowPlan(cells: cells, directColumns: 4, scalarWidth: CursesWidths.glibc)
        #expect(row.curses.last == at(3, " "))
        #expect(row.direct.isEmpty)
    }

    @Test func rolesFollowTheirCells() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("a", x: 0, y: 0, role: .normal)
        buffer.put("👍🏽b", x: 1, y: 0, role: .statusBar)
        let row = RowPlan(cells: (0..<6).map { buffer[$0, 0] }, directColumns: 6, scalarWidth: CursesWidths.glibc)
        #expect(row.direct.map(\.role) == [.statusBar, .statusBar, .normal])
    }

    /// Whatever the text, ncurses holds every column exactly once, and no
    /// control is placed by either path.
    @Test(arguments: ["🇻🇳🇯 x", "👍🏽👨‍👩‍👧🏳️‍🌈❤️ ok", "e\u{301}語😀\u{1F1F3}", "a\u{1B}[31mb", "🇻\u{9B}🇳", "1\u{FE0F}\u{20E3}#️⃣"])
    func everyColumnOnceAndNoControls(text: String) {
        for width in 1...12 {
            let row = plan(text, width: width, directColumns: width - 1)
            var covered: [Int] = []
            for placement in row.curses {
                let columns = max(1, CursesWidths.glibc(placement.scalars[0]))
                covered += placement.column..<(placement.column + columns)
                #expect(placement.scalars.count <= CellGlyph.cursesScalarLimit)
            }
            #expect(covered == Array(0..<width), "\(text) in \(width)")
            for placement in row.curses + row.direct {
                #expect(!placement.scalars.contains(where: CellGlyph.isControl), "\(text) in \(width)")
            }
            // Nothing written directly, nor what a terminal drawing it scalar
            // by scalar covers, reaches the bottom-right cell.
            for placement in row.direct {
                let text = String(String.UnicodeScalarView(placement.scalars))
                let scalarByScalar = placement.scalars.reduce(0) { $0 + max(CursesWidths.glibc($1), 0) }
                #expect(placement.column + max(DisplayWidth.of(text), scalarByScalar) <= width - 1, "\(text) in \(width)")
            }
        }
    }
}
