import Foundation

/// Writes deterministic Dutch-looking news articles for benchmarks, as
/// plain-text files in the saved-article layout and as RSS 2.0 feeds whose
/// items carry the same articles as HTML. About 1 % of articles contain the
/// word `walvisstranding`, so a search has a known, modest number of hits.
struct CorpusGenerator {
    static let searchTerm = "walvisstranding"
    static let categories = ["Binnenland", "Buitenland", "Politiek", "Economie", "Sport", "Tech", "Cultuur"]
    static let credits = ["ANP", "AFP", "Reuters", "EPA", "AP", "NOS"]
    static let small = "de het een en van in op met voor aan door bij naar over uit om als dat die dit ook niet nog wel maar al dan zo te tot na is was wordt heeft kan zal moet gaat komt zegt".split(separator: " ").map(String.init)
    static let content = "gemeente regering minister kabinet Kamer rechter politie brandweer provincie waterschap ziekenhuis school leraar onderzoek wetenschap bedrijf fabriek haven dijk polder rivier kanaal sluis brug snelweg spoor trein station vertraging storing energie gasprijs belasting begroting tekort miljard miljoen procent inflatie rente woning huurder bouwplan vergunning stikstof landbouw boeren oogst regen storm hitte droogte overstroming kust strand eiland grens verkiezing partij coalitie oppositie debat burgemeester wethouder inwoners buurt dorp stad festival museum orkest zanger roman film wedstrijd kampioen doelpunt trainer ploeg seizoen finale medaille schaatser software telefoon chip algoritme privacy app platform Oekraïne Poetin België café geïsoleerd reünie".split(separator: " ").map(String.init)

    let seed: UInt64

    struct GeneratedArticle {
        var title: String
        var category: String
        var date: (year: Int, month: Int, day: Int, hour: Int, minute: Int)
        var leadCredit: String
        var leadCaption: String
        /// ("p", text) paragraphs, ("h2", title) sections, (credit, text) captions.
        var blocks: [(kind: String, text: String)]
    }

    func article(_ index: Int) -> GeneratedArticle {
        var random = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(index))
        func words(_ count: Int) -> String {
            (0..<count).map { position in
                position % 3 == 1 ? Self.content.randomElement(using: &random)! : Self.small.randomElement(using: &random)!
            }.joined(separator: " ")
        }
        func sentence() -> String {
            let text = words(Int.random(in: 8...18, using: &random))
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
        let planted = index % 100 == 42
        var blocks: [(String, String)] = []
        for paragraph in 0..<Int.random(in: 6...12, using: &random) {
            var text = (0..<Int.random(in: 2...5, using: &random)).map { _ in sentence() }.joined(separator: " ")
            if planted && paragraph == 1 { text += " De " + Self.searchTerm + " trok veel bekijks." }
            blocks.append(("p", text))
            if paragraph == 3 { blocks.append((Self.credits.randomElement(using: &random)!, words(7).capitalizedFirst)) }
            if paragraph == 5 { blocks.append(("h2", words(2).capitalizedFirst)) }
        }
        let minutesAgo = (index * 7919) % (60 * 24 * 60)
        let day = 60 - minutesAgo / (24 * 60)
        return GeneratedArticle(
            title: words(Int.random(in: 6...11, using: &random)).capitalizedFirst,
            category: Self.categories[index % Self.categories.count],
            date: (2026, day > 30 ? 11 : 10, day > 30 ? day - 30 : day, (minutesAgo / 60) % 24, minutesAgo % 60),
            leadCredit: Self.credits.randomElement(using: &random)!,
            leadCaption: words(9).capitalizedFirst,
            blocks: blocks)
    }

    /// The article in the saved plain-text layout.
    func plainText(_ article: GeneratedArticle) -> String {
        let date = article.date
        var lines = [" date \(date.year)-\(pad(date.month)) \(article.leadCredit) \(article.leadCaption)", "",
                     "NOS Nieuws • \(date.day) \(Self.monthNames[date.month - 1]) \(date.year), \(pad(date.hour)):\(pad(date.minute)) \(article.title)"]
        for block in article.blocks {
            lines.append("")
            lines.append(block.kind == "p" || block.kind == "h2" ? block.text : "\(block.kind) \(block.text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                             "september", "oktober", "november", "december"]

    /// Writes `count` articles as text files into `folder` (100 per subfolder).
    func writePlainText(count: Int, to folder: URL) throws {
        for index in 0..<count {
            let subfolder = folder.appendingPathComponent(String(format: "%04d", index / 1000))
            if index % 1000 == 0 { try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true) }
            try Data(plainText(article(index)).utf8)
                .write(to: subfolder.appendingPathComponent(String(format: "%07d.txt", index)))
        }
    }

    /// Writes `count` articles as `feeds` RSS files; returns their paths.
    func writeRSS(count: Int, feeds: Int, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var urls: [URL] = []
        for feed in 0..<feeds {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench feed \(feed + 1)</title><link>http://127.0.0.1/feed-\(feed + 1)</link>\n"
            for index in stride(from: feed, to: count, by: feeds) {
                let item = article(index)
                var html = "<figure><img src=\"http://127.0.0.1/img/\(index).jpg\"/><figcaption>\(item.leadCredit) \(escape(item.leadCaption))</figcaption></figure>"
                for block in item.blocks {
                    switch block.kind {
                    case "p": html += "<p>\(escape(block.text))</p>"
                    case "h2": html += "<h2>\(escape(block.text))</h2>"
                    default: html += "<figure><figcaption>\(block.kind) \(escape(block.text))</figcaption></figure>"
                    }
                }
                let date = item.date
                xml += "<item><title>\(escape(item.title))</title><link>http://127.0.0.1/artikel/\(index)</link><guid>bench-\(index)</guid><category>\(item.category)</category><pubDate>\(pad(date.day)) \(Self.rfcMonths[date.month - 1]) \(date.year) \(pad(date.hour)):\(pad(date.minute)):00 +0000</pubDate><content:encoded>\(escape(html))</content:encoded></item>\n"
            }
            xml += "</channel></rss>\n"
            let url = folder.appendingPathComponent("feed-\(feed + 1).xml")
            try Data(xml.utf8).write(to: url)
            urls.append(url)
        }
        return urls
    }

    static let rfcMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
