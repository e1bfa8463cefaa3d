import KrantCore
import KrantContent
import Testing

/// What libxml2's HTML parser does with players and frames, and with
/// characters written as C1 references, read the way a browser would.
@Suite struct EmbeddedContentTests {
    @Test func textAfterAnUnclosedEmbedObjectOrIframeIsKept() throws {
        let html = try ContentFixtures.text("unclosed-embeds.html")
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.blocks == [
            .paragraph("Before the player."),
            .paragraph("After an embed left open."),
            .paragraph("After an object left open."),
            .paragraph("After an iframe left open."),
            .paragraph("The unknown custom element words stay."),
        ])
    }

    /// A closed frame's fallback is what a browser never shows; an object's
    /// fallback is what it shows without the plugin.
    @Test func fallbackContentIsShownOnlyForObjects() throws {
        let html = try ContentFixtures.text("closed-embeds.html")
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.blocks == [.paragraph("One."), .paragraph("Download the movie."), .paragraph("Two.")])
    }

    /// The space before what an unclosed frame swallowed still parts the words.
    @Test func aSwallowedFramesSpaceIsKept() {
        let article = HTMLArticleConverter.convert(#"<p>safe<iframe src="https://x.example/"> <b>words</b> here"#,
                                                   baseURL: nil)
        #expect(article.blocks == [.paragraph("safe words here")])
    }

    @Test func c1ReferencesAreTheWindows1252Characters() {
        let article = HTMLArticleConverter.convert("<p>It&#146;s 9&#x96;5&#133; &#147;ok&#148; &#129;</p>", baseURL: nil)
        #expect(article.blocks == [.paragraph("It’s 9–5… “ok”")])
    }
}
