import KrantCore
import Testing

@Suite struct NotifyTemplateTests {
    @Test func placeholdersBecomeTheCountAndTheFirstTitles() {
        let arguments = NotifyTemplate.arguments(["notify-send", "krant", "%n new: %t", "100%%"], count: 5,
                                                 titles: ["Een", "Twee", "Drie", "Vier"])
        #expect(arguments == ["notify-send", "krant", "5 new: Een\nTwee\nDrie", "100%"])
    }

    @Test func theProgramIsNeverExpanded() {
        #expect(NotifyTemplate.arguments(["%t", "%n"], count: 1, titles: ["/bin/rm"]) == ["%t", "1"])
    }

    @Test func withoutPlaceholdersTheyComeLast() {
        #expect(NotifyTemplate.arguments(["/usr/local/bin/ping-me"], count: 2, titles: ["A", "B"])
                == ["/usr/local/bin/ping-me", "2", "A\nB"])
    }

    /// A title is feed text: no escape byte, no line break, and a `%t` or
    /// `$(…)` in it stays text.
    @Test func titlesAreCleanedAndNeverReadAsPlaceholders() {
        let hostile = "Nieuws $(rm -rf ~) `id` '\"\u{1B}]2;pwned\u{07}\u{1B}[31mrood\r\n%n%t"
        let arguments = NotifyTemplate.arguments(["x", "%t"], count: 1, titles: [hostile])
        #expect(arguments[1] == "Nieuws $(rm -rf ~) `id` '\"rood %n%t")
        #expect(!arguments[1].unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        let long = String(repeating: "a", count: 500)
        #expect(NotifyTemplate.arguments(["x", "%t"], count: 1, titles: [long])[1].count == NotifyTemplate.titleLength)
    }
}
