import Testing
import KrantStore

@Suite struct ArticleIdentityTests {
    @Test func isTheHexSHA256OfTheUTF8Text() {
        #expect(ArticleIdentity.forText("abc")
                == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ArticleIdentity.forText("")
                == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ArticleIdentity.forText("Oekraïne") != ArticleIdentity.forText("Oekraine"))
    }
}
