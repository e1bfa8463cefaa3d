import KrantCore
import KrantContent
import Testing

/// The words each numbered link stood on, kept beside its URL for the
/// reader's list of links, and links in captions numbered like any other.
@Suite struct LinkTextTests {
    @Test func eachLinkKeepsTheWordsItFirstStoodOn() {
        let html = """
            <p>Zie <a href="https://nos.example/a">het eerste   bericht</a>, <a href="https://nos.example/b">https://nos.example/b</a>
            en <a href="https://nos.example/b">later met woorden</a> en nog eens <a href="https://nos.example/a">anders</a>.</p>
            <p><a href="https://nos.example/c"><div>een blok</div></a></p>
            """
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.links == ["https://nos.example/a", "https://nos.example/b", "https://nos.example/c"])
        // A bare URL has no words of its own, until the link comes back with some.
        #expect(article.linkTexts == ["het eerste bericht", "later met woorden", ""])
    }

    @Test func longLinkWordsAreCutShort() throws {
        let words = String(repeating: "woord ", count: 60)
        let article = HTMLArticleConverter.convert("<p><a href=\"https://x.example/\">\(words)</a></p>", baseURL: nil)
        let text = try #require(article.linkTexts.first)
        #expect(text.count == 120)
        #expect(text.hasSuffix("…"))
    }

    @Test func captionLinksAreNumberedListedAndNamed() {
        let html = """
            <figure><img src="a.jpg"><figcaption>ANP Het paleis, uit <a href="https://foto.example/lead">de reeks</a></figcaption></figure>
            <p>Tekst met <a href="https://nos.example/x">een link</a>.</p>
            <figure><img src="b.jpg"><figcaption>Reuters / De ceremonie (<a href="https://foto.example/2">meer</a>)</figcaption></figure>
            """
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.leadCaption == Caption(credit: "ANP", text: "Het paleis, uit de reeks [1]"))
        #expect(article.blocks == [
            .paragraph("Tekst met een link [2]."),
            .caption(Caption(credit: "Reuters", text: "De ceremonie (meer [3])")),
        ])
        #expect(article.links == ["https://foto.example/lead", "https://nos.example/x", "https://foto.example/2"])
        #expect(article.linkTexts == ["de reeks", "een link", "meer"])
        // The layout lists every one of them after the text.
        let resolved = HTMLBody.resolve(Article(title: "T", bodyHTML: html), baseURL: nil)
        #expect(resolved.linkTexts == article.linkTexts)
        let lines = ArticleLayout(article: resolved, width: 60).lines(in: 0..<100).map(\.text)
        #expect(lines.contains("[3] https://foto.example/2"))
    }
}
