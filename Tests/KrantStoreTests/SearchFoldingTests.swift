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
    static let pieces = ["a", "Z", "0", "9", " ", "-", "\"", "@", "`", "[", "{", "/", ":", "\r\n", "\n", "é", "e\u{301}", "\u{301}", "a\u{323}\u{302}",
                         "a\u{302}\u{323}", "\u{302}\u{323}", "İ", "I", "Σ", "ς", "ß", "ẞ", "ﬁ", "Å", "Å", "한", "\u{1100}\u{1161}",
                         "👩‍💻", "\u{200D}", "\u{345}", "ǅ", "ٰ", "عَ", "٣", "Ⅻ", "²", "東京", "Ω", "K", "ŉ", "\u{0E33}", "a\u{20DD}",
                         "\u{0600}1", "x\u{0903}", "Oekraïne", "NOS"]

    @Test func foldingAndWordsAreTheirDefinitions() {
        var seed: UInt64 = 0x6B72616E74
        func next(_ bound: Int) -> Int {
            // A fixed sequence (xorshift), so a failure can be replayed.
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let text = (0...next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let folded = SearchFolding.fold(text)
            #expect(folded == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(SearchWords.of(folded) == Self.referenceWords(folded), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(SearchWords.of(text) == Self.referenceWords(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(SearchFolding.fold("Oekraïne İSTANBUL Crème brûlée") == "oekraine istanbul creme brulee")
        #expect(SearchFolding.words("Poetin, “Oekraïne”!\r\n42") == ["poetin", "oekraine", "42"])
    }
}
