import KrantCore
import Testing

/// The interface language from the locale variables, in POSIX's order for
/// messages.
@Suite struct LanguageTests {
    @Test func theFirstSetVariableDecides() {
        #expect(Language(environment: ["LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "en_GB", "LANG": "en_US.UTF-8"]) == .dutch)
        #expect(Language(environment: ["LC_ALL": "C", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "nl_NL.UTF-8"]) == .english)
        #expect(Language(environment: ["LC_MESSAGES": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"]) == .dutch)
        #expect(Language(environment: ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "nl_BE.UTF-8"]) == .dutch)
    }

    @Test func emptyValuesAreSkipped() {
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"]) == .dutch)
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "C", "LANG": "nl_NL.UTF-8"]) == .english)
    }

    @Test func anythingButDutchIsEnglish() {
        #expect(Language(environment: [:]) == .english)
        #expect(Language(environment: ["LANG": "C"]) == .english)
        #expect(Language(environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "POSIX"]) == .english)
        #expect(Language(environment: ["LANG": "de_DE.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "nl"]) == .dutch)
        // Other variables say nothing about messages.
        #expect(Language(environment: ["LC_TIME": "nl_NL.UTF-8", "LC_CTYPE": "nl_NL.UTF-8"]) == .english)
    }

    @Test func namesInEitherLanguage() {
        #expect(Language(name: "NL") == .dutch)
        #expect(Language(name: "Nederlands") == .dutch)
        #expect(Language(name: "english") == .english)
        #expect(Language(name: "fr") == nil)
    }
}
