import KrantCore
import Testing

@Suite struct SearchWordsTests {
    @Test func wordsAreRunsOfLettersAndDigitsWhateverTheScript() {
        #expect(SearchWords.of("Poetin, \"Oekraïne\"!-42 東京 NEAR(x)") == ["Poetin", "Oekraïne", "42", "東京", "NEAR", "x"])
        #expect(SearchWords.of("... --- !!!").isEmpty)
        #expect(SearchWords.of("").isEmpty)
    }
}
