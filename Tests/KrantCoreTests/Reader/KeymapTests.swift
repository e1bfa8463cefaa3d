import KrantCore
import Testing

/// The keymap a config file makes: windows follow the reader's keys, and
/// keep their own.
@Suite struct KeymapTests {
    @Test func windowsMoveWithTheReadersKeysButEnterAlwaysChooses() throws {
        let keymap = try Keymap(binding: ["move-down": [.character("j"), .down, .enter], "open": [.character("l")],
                                          "quit": [.character("x")], "links": [.character("L")]])
        for situation in [KeySituation.outline, .chooser] {
            #expect(keymap.action(for: .enter, in: situation) == .menu(.choose), "\(situation)")
            #expect(keymap.action(for: .character("l"), in: situation) == .menu(.choose), "\(situation)")
            #expect(keymap.action(for: .character("j"), in: situation) == .menu(.down), "\(situation)")
            #expect(keymap.action(for: .character("x"), in: situation) == .menu(.close), "\(situation)")
            #expect(keymap.action(for: .escape, in: situation) == .menu(.close), "\(situation)")
            #expect(keymap.action(for: .character("q"), in: situation) == nil, "q is no key of krant's now")
        }
        #expect(keymap.action(for: .enter, in: .reader) == .moveDown)
        #expect(keymap.action(for: .character("o"), in: .outline) == .menu(.close), "the opener closes")
        // A movement key that is also the opener closes the window.
        let odd = try Keymap(binding: ["move-down": [.character("c")], "choose-view": [.character("c")]].merging(
            ["choose-view": [.character("v")]]) { $1 })
        #expect(odd.action(for: .character("v"), in: .chooser) == .menu(.close))
        #expect(odd.action(for: .character("c"), in: .chooser) == .menu(.down))
    }

    @Test func unknownNamesAndConflictsAreErrors() {
        #expect(throws: KeymapError.unknownAction("nxt-caption", suggestion: "next-caption")) {
            try Keymap(binding: ["nxt-caption": [.character("C")]])
        }
        #expect(throws: KeymapError.conflict(key: .character("n"), "toggle-star", "next-unread")) {
            try Keymap(binding: ["toggle-star": [.character("n")]])
        }
        #expect(throws: Never.self) { try Keymap(binding: ["toggle-star": [.character("n")], "next-unread": []]) }
    }
}
