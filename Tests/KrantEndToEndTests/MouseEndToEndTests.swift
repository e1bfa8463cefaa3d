import Foundation
import KrantCore
import Testing

/// The real binary under real mouse reports (see `TmuxSession+Mouse.swift`
/// for how tmux delivers them).
@Suite(.serialized) struct MouseEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader

    /// The column and row where `text` is drawn first on `screen`.
    static func position(of text: String, in screen: [String]) -> (x: Int, y: Int)? {
        for (row, line) in screen.enumerated() {
            if let range = line.range(of: text) { return (DisplayWidth.of(line[..<range.lowerBound]), row) }
        }
        return nil
    }

    static func divider(_ screen: [String]) -> String? {
        screen.first { $0.hasPrefix("────") || $0.hasPrefix("━━━━") }
    }

    @Test func clicksAndTheWheelDriveTheReader() throws {
        let reader = try Reader()
        var screen = try reader.waitForStatus("5 unread of 5")
        #expect(try reader.session.reportsMouse)

        // Click a headline, click it again: it opens and is marked read.
        let headline = try #require(Self.position(of: "Van Japanse telefoon", in: screen))
        try reader.session.click(x: headline.x + 3, y: headline.y)
        try reader.session.click(x: headline.x + 3, y: headline.y)
        screen = try reader.waitForStatus("4 unread of 5")
        #expect(ReaderEndToEndTests.paneTop(screen)?.contains("Van Japanse telefoon tot wereldtaal") == true)
        #expect(Self.divider(screen)?.hasPrefix("━━━━") == true, "the article has the keys")
        #expect(Self.divider(screen)?.contains(" Top ") == true)

        // The wheel over the article scrolls it.
        let pane = try #require(screen.firstIndex { $0.hasPrefix("━━━━") }) + 3
        try reader.session.wheel(up: false, x: 40, y: pane)
        screen = try reader.session.waitFor { Self.divider($0)?.contains(" Top ") == false }
        #expect(ReaderEndToEndTests.paneTop(screen)?.contains("Van Japanse telefoon") == false)

        // A click on another headline selects it and gives the list the
        // keys; a click in the article takes them back.
        try reader.session.click(x: 10, y: 0)
        screen = try reader.session.waitFor { Self.divider($0)?.hasPrefix("────") == true }
        #expect(screen.last?.contains("4 unread of 5") == true, "selected, not opened")
        try reader.session.click(x: 10, y: pane)
        try reader.session.waitFor { Self.divider($0)?.hasPrefix("━━━━") == true }

        // A click on an outline entry jumps to it.
        try reader.session.sendKeys("o")
        screen = try reader.session.waitFor(text: "┌─ Outline")
        let entry = try #require(Self.position(of: "§ Games en stickers", in: screen))
        try reader.session.click(x: entry.x + 4, y: entry.y)
        screen = try reader.waitForStatus("§ Games en stickers")
        #expect(!screen.contains { $0.contains("┌─ Outline") })

        // A click outside the chooser closes it and selects nothing.
        try reader.session.sendKeys("c")
        try reader.session.waitFor(text: "Categories and feeds")
        try reader.session.click(x: 0, y: 1)
        screen = try reader.session.waitFor { !$0.contains { $0.contains("Categories and feeds") } }
        #expect(Self.divider(screen)?.hasPrefix("━━━━") == true)

        // Quitting hands the mouse back to the terminal.
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try reader.session.reportsMouse == false)
    }
}
