import KrantCore
import ReaderTestSupport
import Testing

@Suite struct ReaderDeleteTests {
    @Test func deleteTakesTheSelectedArticleAwayAndUndoPutsItBackWhereItWas() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(5))
        driver.press(.character("j"))
        #expect(driver.state.selectedHeadline?.title == "Bericht 4")
        driver.press(.character("D"))
        #expect(driver.state.message == "Deleted “Bericht 4” — U to undo")
        #expect(driver.source.articles.map(\.id) == [1, 2, 3, 5])
        #expect(driver.state.page.total == 4 && driver.state.page.unread == 4)
        #expect(driver.state.selectedHeadline?.title == "Bericht 3")
        #expect(driver.state.undoableDeletion?.id == 4)

        driver.press(.character("U"))
        #expect(driver.state.message == "Restored “Bericht 4”")
        #expect(driver.source.articles.count == 5)
        #expect(driver.state.page.total == 5)
        #expect(driver.state.selectedHeadline?.title == "Bericht 4")
        #expect(driver.state.selection == 1)
        // Once only.
        driver.press(.character("U"))
        #expect(driver.state.message == UIText(.english).nothingToUndo)
    }

    @Test func theUndoIsOfferedOnlyUntilTheNextAction() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.press(.character("D"))
        driver.press(.character("j"))
        driver.press(.character("U"))
        #expect(driver.state.message == UIText(.english).nothingToUndo)
        #expect(driver.source.articles.count == 2)
    }

    /// Typing a count is no action of its own: the undo stays offered.
    @Test func aCountTypedKeepsTheUndo() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.press(.character("D"), .character("3"))
        #expect(driver.state.countPrefix == 3)
        driver.press(.character("U"))
        #expect(driver.state.message == "Restored “Bericht 3”")
        #expect(driver.source.articles.count == 3)
        #expect(driver.state.countPrefix == nil)
    }

    @Test func deletingTheOpenArticleClosesItAndUndoOpensItAgain() throws {
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(3))
        driver.press(.enter)
        #expect(driver.state.reading?.article.id == 3)
        driver.press(.character("D"))
        #expect(driver.state.reading == nil && driver.state.focus == .list)
        #expect(try driver.source.article(id: 3) == nil)
        driver.press(.character("U"))
        #expect(driver.state.reading?.article.id == 3 && driver.state.focus == .article)
        #expect(driver.source.articles.first { $0.id == 3 }?.isRead == true, "restored with its read mark")
    }

    @Test func theUndoKeyNamedIsTheOneInForce() throws {
        let keymap = try Keymap(binding: ["undo": [.character("Z")], "toggle-full-screen": [.character("f")]])
        var driver = ReaderFixtures.driver(ReaderFixtures.generated(2), settings: ReaderSettings(keymap: keymap))
        driver.press(.character("D"))
        #expect(driver.state.message == "Deleted “Bericht 2” — Z to undo")
        driver.press(.character("Z"))
        #expect(driver.source.articles.count == 2)
    }
}
