/// An RSS feed of many short items, for tests that need a store of many
/// pages (to damage some and keep the others): item `n` is titled
/// "TITLE n", published `n` minutes after midnight on 1 June 2024, and
/// its text holds the word "zeehond".
public enum ManyItemsFeed {
    public static func rss(title: String, items: ClosedRange<Int>) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(title)</title><link>https://\(title.lowercased()).example/</link>

        """
        for number in items {
            let (day, hour, minute) = (1 + number / 1_440 % 28, number / 60 % 24, number % 60)
            xml += """
            <item><title>\(title) \(number)</title><link>https://\(title.lowercased()).example/\(number)</link>
            <guid isPermaLink="false">\(title)-\(number)</guid>
            <pubDate>\(pad(day)) Jun 2024 \(pad(hour)):\(pad(minute)):00 +0000</pubDate>
            <description>&lt;p&gt;Een zeehond, nummer \(number).&lt;/p&gt;</description></item>

            """
        }
        return xml + "</channel></rss>\n"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
