import Foundation
import KrantCore
import Testing
@testable import KrantStore

/// `SearchFolding` folds ASCII byte by byte and the rest through Unicode:
/// held here to the plain definition (NFD, nonspacing marks out, lower
/// case, over the whole text) on text built from the hard cases.
@Suite struct SearchFoldingTests {
    static func reference(_ text: String) -> String {
        let scalars = text.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    static func referenceWords(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Pieces where a shortcut could go wrong: marks after an ASCII letter
    /// and marks to reorder, letters that change when decomposed or lower
    /// cased, CR LF, clusters that join ASCII with what follows, digits
    /// that are not ASCII.
    static let pieces = ["a", "Z", "0", "9", " ", "-", "\"", "@", "`", "[", "{", "/", ":", "\r\n", "\n", "\r",
                         "é", "e\u{301}", "\u{301}", "a\u{323}\u{302}", "a\u{302}\u{323}", "\u{302}\u{323}",
                         "\u{344}", "\u{F73}", "\u{340}", "\u{1D165}\u{1D16D}", "\u{1D16D}\u{1D165}",
                         "\u{130}", "I", "\u{3A3}", "\u{3C2}", "\u{DF}", "\u{1E9E}", "\u{FB01}", "\u{C5}", "\u{212B}",
                         "\u{2126}", "\u{212A}", "\u{1FEF}", "\u{37E}", "\u{D55C}", "\u{1100}\u{1161}",
                         "\u{1F469}\u{200D}\u{1F4BB}", "\u{200D}", "\u{1F1F3}\u{1F1F1}", "\u{1F1F3}", "\u{345}", "\u{1C5}",
                         "\u{670}", "\u{639}\u{64E}", "\u{663}", "\u{216B}", "\u{B2}", "\u{6771}\u{4EAC}",
                         "\u{915}\u{94D}\u{937}", "\u{E33}", "a\u{20DD}", "\u{600}", "\u{600}1", "x\u{903}",
                         "Oekra\u{EF}ne", "NOS", "\u{201C}", "\u{A0}"]

    /// Equal as bytes: `==` on strings is canonical equivalence, which would
    /// hide marks in another order or a composed letter.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func bytes(_ words: [String]) -> [[UInt8]] { words.map(bytes) }

    @Test func foldingAndWordsAreTheirDefinitions() {
        var seed: UInt64 = 0x6B72616E74
        func next(_ bound: Int) -> Int {
            // A fixed sequence (xorshift), so a failure can be replayed.
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        for round in 0..<6_000 {
            var text = (0...next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            // Mostly ASCII, for the stretch by stretch path (mostly not ASCII is folded whole).
            if round % 2 == 1 { text = "Het Nieuws " + text + String(repeating: " en nog wat", count: text.utf8.count / 2) }
            let folded = SearchFolding.fold(text)
            let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }
            #expect(Self.bytes(folded) == Self.bytes(Self.reference(text)), "\(scalars)")
            #expect(Self.bytes(SearchWords.of(folded)) == Self.bytes(Self.referenceWords(folded)), "\(scalars)")
            #expect(Self.bytes(SearchWords.of(text)) == Self.bytes(Self.referenceWords(text)), "\(scalars)")
        }
        #expect(SearchFolding.fold("Oekraïne İSTANBUL Crème brûlée") == "oekraine istanbul creme brulee")
        #expect(SearchFolding.words("Poetin, “Oekraïne”!\r\n42") == ["poetin", "oekraine", "42"])
    }
}
