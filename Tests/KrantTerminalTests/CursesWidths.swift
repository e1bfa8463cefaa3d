import KrantCore
@testable import KrantTerminal

/// `wcwidth` as glibc 2.36 gives it for the scalars these tests use, so the
/// plans do not depend on the machine's locale: like `DisplayWidth`, except
/// that a regional indicator is 1 column and a control is unprintable (-1).
enum CursesWidths {
    static func glibc(_ scalar: Unicode.Scalar) -> Int {
        if CellGlyph.isControl(scalar) || unknown.contains(scalar.value) { return -1 }
        if (0x1F1E6...0x1F1FF).contains(scalar.value) { return 1 }
        return DisplayWidth.of(scalar)
    }

    /// Stands in for a scalar newer than the C library's tables.
    static let unknown: Set<UInt32> = [0x1FAE9]
}
