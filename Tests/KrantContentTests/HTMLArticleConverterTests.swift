import KrantCore
import KrantContent
import Testing

@Suite struct HTMLArticleConverterTests {
    @Test func convertsANOSLikeBody() throws {
        let html = try ContentFixtures.text("nos-body.html")
        let article = HTMLArticleConverter.convert(html, baseURL: "https://nos.example/artikel/1")
        #expect(article.leadCaption == nil)
        let expected: [Block] = [
            .paragraph("Op de eerste dag van zijn staatsbezoek aan Vietnam is president Poetin met alle egards ontvangen in Hanoi [1]."),
            .caption(Caption(credit: "ANP", text: "De welkomstceremonie bij het presidentieel paleis")),
            .paragraph("De twee landen tekenden een reeks akkoorden, onder meer over energie."),
            .paragraph("Daarna volgde een diner."),
            .section("Balanceeract"),
            .quote("\u{201C}We zijn vrienden\u{201D}, zei Poetin."),
            .paragraph("Vietnam wil goede banden met Rusland [2] en met de Verenigde Staten [1]. Zie ook [3]."),
            .listItem("Energie"),
            .listItem("Defensie & handel"),
            .caption(Caption(credit: "AFP", text: "Poetin en To Lam tijdens het diner")),
            .paragraph("Slot."),
        ]
        #expect(article.blocks.count == expected.count)
        for (actual, wanted) in zip(article.blocks, expected) {
            #expect(actual == wanted)
        }
        #expect(article.links == [
            "https://nos.example/hanoi",
            "https://nos.example/landen/rusland",
            "https://nos.example/dossier",
        ])
    }

    @Test func aFigureThatOpensTheBodyIsTheLeadCaption() {
        let html = "<figure><img src=x.jpg><figcaption>Reuters / Een demonstratie in Den Haag</figcaption></figure><p>Tekst.</p>"
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.leadCaption == Caption(credit: "Reuters", text: "Een demonstratie in Den Haag"))
        #expect(article.blocks == [.paragraph("Tekst.")])
    }

    @Test(arguments: [
        ("ANP De welkomstceremonie", "ANP", "De welkomstceremonie"),
        ("ANP/Hollandse Hoogte Een dijk", "ANP/Hollandse Hoogte", "Een dijk"),
        ("Een dijk (EPA)", "EPA", "Een dijk"),
        ("Een dijk (Foto: Jan Jansen)", "Jan Jansen", "Een dijk"),
        ("Een dijk Foto: AFP", "AFP", "Een dijk"),
        ("Een dijk. Foto: AFP", "AFP", "Een dijk."),
        ("Een dijk / Reuters", "Reuters", "Een dijk"),
        ("Een dijk © Reuters", "Reuters", "Een dijk"),
        ("Een dijk | EPA-EFE", "EPA-EFE", "Een dijk"),
        ("Een foto ANP", "ANP", "Een foto"),
        ("Een dijk bij Zwolle ANP/Hollandse Hoogte", "ANP/Hollandse Hoogte", "Een dijk bij Zwolle"),
        ("Een dijk, Getty Images", "Getty Images", "Een dijk"),
        ("Een dijk bij Zwolle", "", "Een dijk bij Zwolle"),
        ("Uitzending van de nos", "", "Uitzending van de nos"),
        ("Een dijk (archief)", "", "Een dijk (archief)"),
        ("APK-keuring bij de garage", "", "APK-keuring bij de garage"),
    ])
    func splitsCredits(_ caption: String, _ credit: String, _ text: String) {
        let article = HTMLArticleConverter.convert("<p>x</p><figure><figcaption>\(caption)</figcaption></figure>", baseURL: nil)
        #expect(article.blocks.last == .caption(Caption(credit: credit, text: text)))
    }

    @Test func captionLikeElementsAndMarkedCredits() {
        let html = """
        <p>Begin.</p>
        <img src="a.jpg"><p class="image-caption">Een zonnige dag</p>
        <figure><img src="b.jpg"><figcaption>Regen in Utrecht <span class="credit">Hollandse Hoogte</span></figcaption></figure>
        <figure><img src="c.jpg"><figcaption>Sneeuw</figcaption></figure><span class="photo-credit">NOS</span>
        <div class="wp-caption"><img src="d.jpg"><p class="wp-caption-text">Mist (AP)</p></div>
        """
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.blocks == [
            .paragraph("Begin."),
            .caption(Caption(credit: "", text: "Een zonnige dag")),
            .caption(Caption(credit: "Hollandse Hoogte", text: "Regen in Utrecht")),
            .caption(Caption(credit: "NOS", text: "Sneeuw")),
            .caption(Caption(credit: "AP", text: "Mist")),
        ])
    }

    @Test func unclosedTagsScriptsAndStyles() {
        let html = """
        <div><p>Eerste <b>vet <i>en schuin
        <p>Tweede<style>p { color: red }</style>
        <script type="text/javascript">document.write("<p>nep</p>")</script>
        <ul><li>een<li>twee</ul>
        <h3>Tussenkop
        <p>Na de kop &amp; &lt;tag&gt; &eacute;&#233;&#x1F600;</p>
        <iframe src="https://x"></iframe><noscript>geen js</noscript><nav>menu</nav>
        <form><button>Klik</button></form><svg><text>svg</text></svg>
        tekst direct in div
        """
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.blocks == [
            .paragraph("Eerste vet en schuin"),
            .paragraph("Tweede"),
            .listItem("een"),
            .listItem("twee"),
            .section("Tussenkop"),
            .paragraph("Na de kop & <tag> éé😀"),
            .paragraph("tekst direct in div"),
        ])
    }

    @Test func whitespaceAndInlineTagsFlattenLikeABrowser() {
        let html = "<body>  Los <em>in</em>\n\n <strong>body</strong><abbr>!</abbr> <code>x</code>\t<p>\n</p><p> </p><h1>Grote kop</h1><br><br><br></body>"
        let article = HTMLArticleConverter.convert(html, baseURL: nil)
        #expect(article.blocks == [.paragraph("Los in body! x"), .section("Grote kop")])
    }

    @Test func linkRules() {
        let html = """
        <p><a href="rel/pad">relatief</a>, <a href="javascript:alert(1)">script</a>, <a href="data:text/html,x">data</a>,
        <a href="#boven">anker</a>, <a href="https://nos.example/">nos.example</a>, <a href="https://x.example/a"><img src=i.jpg></a>,
        <a href=" https://x.example/b ">eerst</a> en <a href="https://x.example/b">weer</a>,
        <a href="mailto:tips@nos.example">mail</a>, <a>geen href</a></p>
        <p><a href="https://x.example/c"><p>blok</p></a></p>
        """
        let article = HTMLArticleConverter.convert(html, baseURL: "https://nos.example/artikel/1")
        #expect(article.blocks == [
            .paragraph("relatief [1], script, data, anker, [2], , eerst [3] en weer [3], mail [4], geen href"),
            .paragraph("blok [5]"),
        ])
        #expect(article.links == [
            "https://nos.example/artikel/rel/pad",
            "https://nos.example/",
            "https://x.example/b",
            "mailto:tips@nos.example",
            "https://x.example/c",
        ])
    }

    @Test func emptyAndTextOnlyInput() {
        #expect(HTMLArticleConverter.convert("", baseURL: nil).blocks == [])
        #expect(HTMLArticleConverter.convert("   ", baseURL: nil).blocks == [])
        #expect(HTMLArticleConverter.convert("Alleen tekst", baseURL: nil).blocks == [.paragraph("Alleen tekst")])
    }

    @Test func deepNestingDoesNotCrash() {
        func nested(_ levels: Int) -> String {
            String(repeating: "<div><span>", count: levels) + "diep" + String(repeating: "</span></div>", count: levels)
        }
        // Text within the depth limit is kept; below it (a hostile 10,000
        // levels) it is dropped rather than walked on the stack.
        #expect(HTMLArticleConverter.convert(nested(50), baseURL: nil).blocks == [.paragraph("diep")])
        #expect(HTMLArticleConverter.convert(nested(5000), baseURL: nil).blocks == [])
    }
}
