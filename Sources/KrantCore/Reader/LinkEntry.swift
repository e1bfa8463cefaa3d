/// One of the open article's numbered links in the links window: the number
/// the text shows (`[3]`), the words it stood on and where it goes.
public struct LinkEntry: Hashable, Sendable {
    public var number: Int
    public var url: String
    /// The link's words; empty when it was shown as its bare URL or the
    /// words are not known.
    public var text: String

    public init(number: Int, url: String, text: String = "") {
        self.number = number
        self.url = url
        self.text = text
    }

    /// The site it leads to (`nos.nl`), so a link can be judged before it
    /// is opened; the whole URL when it has no host.
    public var host: String {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return url }
        var host = url[url.index(colon, offsetBy: 3)...].prefix { !"/?#".contains($0) }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if !host.hasPrefix("["), let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return host.isEmpty ? url : String(host)
    }

    /// The article's links in the order of their numbers.
    static func links(of article: Article) -> [LinkEntry] {
        article.links.enumerated().map { index, url in
            LinkEntry(number: index + 1, url: url,
                      text: article.linkTexts.indices.contains(index) ? article.linkTexts[index] : "")
        }
    }
}

/// The links window of the open article.
public typealias LinkMenu = Menu<LinkEntry>
/// The enclosures window of the open article (podcast audio, video, photos).
public typealias EnclosureMenu = Menu<Enclosure>
