import CNcursesw
import KrantCore
import KrantTerminal
import Testing

struct MouseDecoderTests {
    @Test func thePressOfTheFirstButtonIsAClick() {
        #expect(MouseDecoder.event(x: 4, y: 3, buttons: NC_BUTTON1_PRESSED) == MouseEvent(.click, x: 4, y: 3))
    }

    @Test func buttonsFourAndFiveAreTheWheel() {
        // What ncurses 6.4 reported here (tmux-256color, X10 encoding) for
        // the wheel turned up (button code 64) and down (65).
        #expect(NC_BUTTON4_PRESSED == 0x10000)
        #expect(NC_BUTTON5_PRESSED == 0x200000)
        #expect(MouseDecoder.event(x: 0, y: 0, buttons: NC_BUTTON4_PRESSED) == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(MouseDecoder.event(x: 0, y: 0, buttons: NC_BUTTON5_PRESSED) == MouseEvent(.wheelDown, x: 0, y: 0))
    }

    @Test func theReaderAsksOnlyForWhatItDecodes() {
        #expect(MouseDecoder.mask == NC_BUTTON1_PRESSED | NC_BUTTON4_PRESSED | NC_BUTTON5_PRESSED)
    }

    @Test func otherButtonsAndPositionsOffTheScreenAreIgnored() {
        #expect(MouseDecoder.event(x: 1, y: 1, buttons: 0) == nil)
        #expect(MouseDecoder.event(x: 1, y: 1, buttons: NC_BUTTON1_PRESSED >> 1) == nil, "button 1 released")
        #expect(MouseDecoder.event(x: -1, y: 1, buttons: NC_BUTTON1_PRESSED) == nil)
        #expect(MouseDecoder.event(x: 1, y: -1, buttons: NC_BUTTON1_PRESSED) == nil)
    }
}
