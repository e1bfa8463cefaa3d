import KrantCore
import KrantTerminal
import Testing

struct PaletteTests {
    let colored = Palette(usesColor: true)
    let monochrome = Palette(usesColor: false)

    @Test func noColorTurnsColourOffOnlyWhenNonEmpty() {
        #expect(Palette(environment: [:]).usesColor)
        #expect(Palette(environment: ["NO_COLOR": ""]).usesColor)
        #expect(!Palette(environment: ["NO_COLOR": "1"]).usesColor)
    }

    @Test func monochromeUsesAttributesOnly() {
        for role in StyleRole.allCases {
            let style = monochrome.style(for: role)
            #expect(style.foreground == .terminalDefault, "\(role)")
            #expect(style.background == .terminalDefault, "\(role)")
        }
    }

    @Test func selectionIsReverseVideoWithoutColour() {
        for role in [StyleRole.selected, .selectedUnread, .overlaySelected, .statusBar] {
            #expect(monochrome.style(for: role).attributes.contains(.reverse), "\(role)")
        }
        #expect(monochrome.style(for: .selectedUnread).attributes.contains(.bold))
        for role in StyleRole.allCases where ![.selected, .selectedUnread, .overlaySelected, .statusBar].contains(role) {
            #expect(!monochrome.style(for: role).attributes.contains(.reverse), "only bars are reversed: \(role)")
        }
    }

    @Test func rolesThatMustStandOutDoSoInBothPalettes() {
        let standOut: [StyleRole] = [.title, .section, .selected, .selectedUnread, .unread, .statusBar,
                                     .statusMessage, .overlaySelected, .overlayTitle]
        for palette in [colored, monochrome] {
            let normal = palette.style(for: .normal)
            #expect(normal == TextStyle(), "normal text is the terminal's own")
            for role in standOut {
                #expect(palette.style(for: role) != normal, "\(role), colour \(palette.usesColor)")
            }
        }
    }

    @Test func selectionDiffersFromUnread() {
        for palette in [colored, monochrome] {
            let selected = palette.style(for: .selected)
            #expect(selected != palette.style(for: .unread))
            #expect(selected != palette.style(for: .selectedUnread))
        }
    }

    @Test func colouredBarsHaveABackground() {
        for role in [StyleRole.selected, .selectedUnread, .statusBar, .overlay, .overlaySelected] {
            let style = colored.style(for: role)
            #expect(style.background != .terminalDefault, "\(role)")
            #expect(style.foreground != style.background, "\(role) readable")
        }
    }
}
