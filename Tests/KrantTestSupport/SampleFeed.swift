/// A NOS-like RSS feed for end-to-end tests: items whose HTML has figures with
/// credited captions, a section heading, a quote, a list and links.
public enum SampleFeed {
    public static func rss(title: String = "NOS Nieuws - Binnenland", items: [(guid: String, title: String)]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>\(title)</title><link>https://nos.example/binnenland</link>

        """
        for (index, item) in items.enumerated() {
            xml += """
            <item><title>\(item.title)</title><link>https://nos.example/artikel/\(item.guid)</link>
            <guid isPermaLink="false">\(item.guid)</guid><category>Binnenland</category>
            <pubDate>Wed, 19 Jun 2024 \(10 + index):29:00 +0200</pubDate>
            <content:encoded><![CDATA[
            <p>Het kabinet heeft vandaag plannen gepresenteerd voor de <a href="https://nos.example/dijken">dijken</a>.</p>
            <figure><img src="https://nos.example/a.jpg"><figcaption>ANP Werkzaamheden aan de Lekdijk bij Culemborg</figcaption></figure>
            <p>De waterschappen zijn tevreden, maar willen meer geld.</p>
            <h2>Miljarden nodig</h2>
            <p>Volgens de Unie van Waterschappen is er tot 2050 veel meer nodig.</p>
            <blockquote>We moeten nu beginnen, niet over tien jaar.</blockquote>
            <ul><li>Meer geld</li><li>Snellere vergunningen</li></ul>
            <figure><img src="https://nos.example/b.jpg"><figcaption>Een dijkwerker aan het werk (Reuters)</figcaption></figure>
            <p>Het plan gaat volgende week naar de Kamer.</p>
            ]]></content:encoded></item>

            """
        }
        return xml + "</channel></rss>\n"
    }
}
