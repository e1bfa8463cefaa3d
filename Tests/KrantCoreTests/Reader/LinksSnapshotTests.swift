import KrantCore
import ReaderTestSupport
import Testing

/// The links and enclosures windows, in both languages.
@Suite struct LinksSnapshotTests {
    func screen(_ key: Character, language: Language) -> CellBuffer {
        var driver = ReaderLinksTests.opened(ReaderSettings(language: language))
        driver.press(.character(key), .character("j"))
        return ReaderRenderer.render(driver.state)
    }

    @Test func linksWindow() {
        let screen = screen("l", language: .english)
        #expect(screen.textLines.contains { $0.contains("[2] de Kamerbrief · www.rijksoverheid.nl") })
        Snapshot.check(screen, "links-80x24", roles: true)
        Snapshot.check(self.screen("l", language: .dutch), "nl-links-80x24")
    }

    @Test func enclosuresWindow() {
        let screen = screen("e", language: .english)
        #expect(screen.textLines.contains { $0.contains("audio/mpeg, 30.1 MB") })
        Snapshot.check(screen, "enclosures-80x24", roles: true)
        let dutch = self.screen("e", language: .dutch)
        #expect(dutch.textLines.contains { $0.contains("audio/mpeg, 30,1 MB") })
        #expect(dutch.textLines.contains { $0.contains("onbekend type") })
        Snapshot.check(dutch, "nl-enclosures-80x24")
    }
}
