/// The XML namespaces whose elements the feed reader understands.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// RSS 2.0 elements have no namespace; RSS 1.0 and 0.90 put theirs in one.
    static func isRSS(_ namespace: String?) -> Bool {
        namespace == nil || namespace == rss10 || namespace == rss090
    }

    static func isAtom(_ namespace: String?) -> Bool {
        namespace == atom || namespace == atom03
    }
}
