import Foundation
import KrantCore
import Testing

/// Clusters ncurses cannot hold in a cell (a flag, a skin tone, a ZWJ
/// family), drawn by the real binary in tmux (issue 11 §7).
///
/// tmux 3.3a gives 🇻🇳 two 1-column cells, 👍 and 👨‍👩‍👧 two columns each, and
/// draws a skin-tone modifier as a cell of its own after the thumb (which
/// the reader writes over again): so with one space between the words, a row
/// captured as below has every word in the column `DisplayWidth` gives it.
extension ReaderEndToEndTests {
    static let clusterArticle = """
        NOS Nieuws • vandaag, 11:29 Vlag 🇻🇳 duim 👍🏽 gezin 👨‍👩‍👧 einde

        Vlag 🇻🇳 duim 👍🏽 gezin 👨‍👩‍👧 einde van de eerste alinea, die doorloopt tot voorbij de rand van het scherm, zodat hij wordt afgebroken.

        Vlaggen als 🇻🇳 en 🇯🇵

        Een alinea onder de eerste kop.

        Tweede kop

        Een alinea onder de tweede kop.

        """

    /// A captured row as compared: trailing blanks off, and a skin tone
    /// dropped (a tmux that joins it to the thumb captures 👍🏽).
    static func comparable(_ row: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: row.unicodeScalars.filter { !(0x1F3FB...0x1F3FF).contains($0.value) })
        var text = String(scalars)
        while text.last == " " { text.removeLast() }
        return text
    }

    @Test func flagsSkinTonesAndFamiliesShowWithoutGapOrShift() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-clusters-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("vlag.txt")
        try Self.clusterArticle.write(to: article, atomically: true, encoding: .utf8)
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(width: 80, height: 24, prefix: "\(binary) import \(article.path) >/dev/null && ")
        try reader.waitForStatus("unread of 1")
        try reader.session.sendKeys("g", "Enter")
        let title = " Vlag 🇻🇳 duim 👍 gezin 👨‍👩‍👧 einde"
        var screen = try reader.session.waitFor { Self.paneTop($0).map(Self.comparable) == title }
        let rows = screen.map(Self.comparable)
        #expect(rows.contains { $0.hasSuffix("NOS Nieuws   Vlag 🇻🇳 duim 👍 gezin 👨‍👩‍👧 einde") }, "\(rows)")
        // The wrapper measured the clusters as drawn: the line breaks where
        // it should and no word is cut off at the right edge.
        let paragraph = try #require(rows.firstIndex { $0.hasPrefix(" Vlag 🇻🇳 duim 👍 gezin 👨‍👩‍👧 einde van") })
        #expect(rows[paragraph] == " Vlag 🇻🇳 duim 👍 gezin 👨‍👩‍👧 einde van de eerste alinea, die doorloopt tot voorbij")
        #expect(rows[paragraph + 1] == " de rand van het scherm, zodat hij wordt afgebroken.")
        #expect(rows.contains(" § Vlaggen als 🇻🇳 en 🇯🇵"))

        // The status bar names the section on top; "? help" keeps its
        // column with the flags in it, and when the next section's shorter
        // name leaves blanks where they were, no flag stays behind.
        try reader.session.sendKeys("]")
        screen = try reader.waitForStatus("· § Vlaggen als 🇻🇳 en 🇯🇵")
        let withFlags = try #require(screen.last(where: { $0.contains("? help") }))
        try reader.session.sendKeys("]")
        screen = try reader.waitForStatus("· § Tweede kop")
        let without = try #require(screen.last(where: { $0.contains("? help") }))
        #expect(!without.unicodeScalars.contains { (0x1F1E6...0x1F1FF).contains($0.value) }, "\(without)")
        #expect(DisplayWidth.of(Self.comparable(withFlags)) == DisplayWidth.of(Self.comparable(without)))
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
    }
}
