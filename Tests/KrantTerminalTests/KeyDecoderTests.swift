import CNcursesw
import KrantCore
import KrantTerminal
import Testing

struct KeyDecoderTests {
    @Test func functionKeysMapToNamedKeys() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_NPAGE, .pageDown), (KEY_PPAGE, .pageUp), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
            (nc_key_f(1), .function(1)), (nc_key_f(5), .function(5)), (nc_key_f(12), .function(12)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.key(code: code, isFunctionKey: true) == key, "code \(code)")
        }
    }

    @Test func ncursesKeyCodesHaveTheirDocumentedValues() {
        // The decoder's table is only as good as these imported constants.
        #expect(KEY_UP == 0o403)
        #expect(KEY_NPAGE == 0o522)
        #expect(nc_key_f(1) == 0o411)
    }

    @Test func unknownFunctionKeysAreIgnored() {
        #expect(KeyDecoder.key(code: KEY_RESIZE, isFunctionKey: true) == nil)
        #expect(KeyDecoder.key(code: KEY_MOUSE, isFunctionKey: true) == nil)
        #expect(KeyDecoder.key(code: nc_key_f(0), isFunctionKey: true) == nil)
    }

    @Test func controlCharactersMapToEditingKeys() {
        #expect(KeyDecoder.key(code: 13, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.key(code: 10, isFunctionKey: false) == .enter)
        #expect(KeyDecoder.key(code: 9, isFunctionKey: false) == .tab)
        #expect(KeyDecoder.key(code: 27, isFunctionKey: false) == .escape)
        #expect(KeyDecoder.key(code: 127, isFunctionKey: false) == .backspace)
        #expect(KeyDecoder.key(code: 8, isFunctionKey: false) == .backspace)
    }

    @Test func controlLettersKeepTheirLetter() {
        #expect(KeyDecoder.key(code: 1, isFunctionKey: false) == .control("a"))
        #expect(KeyDecoder.key(code: 3, isFunctionKey: false) == .control("c"))
        #expect(KeyDecoder.key(code: 12, isFunctionKey: false) == .control("l"))
        #expect(KeyDecoder.key(code: 26, isFunctionKey: false) == .control("z"))
        #expect(KeyDecoder.key(code: 0, isFunctionKey: false) == nil)
        #expect(KeyDecoder.key(code: 28, isFunctionKey: false) == nil)
        #expect(KeyDecoder.key(code: 0x85, isFunctionKey: false) == nil, "C1 control")
    }

    @Test func printableCharactersIncludingWideOnes() {
        #expect(KeyDecoder.key(code: 0x20, isFunctionKey: false) == .character(" "))
        #expect(KeyDecoder.key(code: 0x6A, isFunctionKey: false) == .character("j"))
        #expect(KeyDecoder.key(code: 0x5D, isFunctionKey: false) == .character("]"))
        #expect(KeyDecoder.key(code: 0xEB, isFunctionKey: false) == .character("ë"))
        #expect(KeyDecoder.key(code: 0x65E5, isFunctionKey: false) == .character("日"))
        #expect(KeyDecoder.key(code: 0x1F600, isFunctionKey: false) == .character("😀"))
    }

    @Test func invalidScalarsAreIgnored() {
        #expect(KeyDecoder.key(code: 0xD800, isFunctionKey: false) == nil, "surrogate")
        #expect(KeyDecoder.key(code: -1, isFunctionKey: false) == nil)
    }

    @Test func aLetterCodeIsAFunctionKeyOnlyWhenFlagged() {
        // KEY_CODE_YES decides: 0o403 as a character is U+0103 "ă", not ↑.
        #expect(KeyDecoder.key(code: KEY_UP, isFunctionKey: false) == .character("ă"))
    }
}
