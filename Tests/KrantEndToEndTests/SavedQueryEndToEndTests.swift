import Foundation
import KrantTestSupport
import Testing

/// Saved queries in the real reader: the chooser lists them with their
/// counts, choosing one filters the list, and a malformed search typed at
/// `/` is said in the status bar.
@Suite(.serialized) struct SavedQueryEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader
    typealias ConfigFile = ConfigEndToEndTests.ConfigFile

    @Test func aSavedQueryShowsInTheChooserAndFiltersTheList() throws {
        let config = try ConfigFile("""
            [[queries]]
            name = "Poetin of dijken"
            search = "poetin OR dijken"

            [[queries]]
            name = "Hoekstra zonder Thialf"
            search = "title:hoekstra -thialf"
            """)
        let reader = try Reader(width: 100, height: 30, environment: ["KRANT_CONFIG": config.path])
        try reader.waitForStatus("5 unread of 5")
        try reader.session.sendKeys("c")
        let screen = try reader.session.waitFor(text: "Poetin of dijken")
        #expect(screen.contains { $0.contains("│Poetin of dijken         2 unread of 2") })
        #expect(screen.contains { $0.contains("│Hoekstra zonder Thialf   0 unread of 0") })
        try reader.session.sendKeys("j", "Enter")
        let list = try reader.waitForStatus("Poetin of dijken · 2 results, 2 unread")
        #expect(list.prefix(2).allSatisfy { $0.contains("dijken") || $0.contains("Poetin") })
        #expect(!list.contains { $0.contains("Hoekstra") })

        // A malformed search is said, and the view stays.
        try reader.session.sendKeys("/")
        try reader.session.sendText("kyiv OR")
        try reader.session.sendKeys("Enter")
        try reader.waitForStatus("Search: OR needs a word on each side")
        #expect(try reader.session.capture().last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
            .contains("Poetin of dijken · 2 results") == true)

        // Esc leaves the saved query for every article.
        try reader.session.sendKeys("Escape")
        try reader.waitForStatus("all · 5 unread of 5")
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
    }
}
