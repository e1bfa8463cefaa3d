import KrantContent
import KrantCore

/// The channel's (or Atom feed's) own title and site link, read from its
/// direct children. `title` wins; `dc:title` and `media:title` stand in for
/// a channel that has none.
enum ChannelFields {
    /// Reads one child of the channel; returns whether the element was used.
    static func read(_ node: LibXMLNode, rootNamespace: String?, into feed: inout ParsedFeed) -> Bool {
        let namespace = node.namespace
        let isRSS = feed.kind == .rss && (namespace == rootNamespace || FeedNamespace.isRSS(namespace))
        let isAtom = feed.kind == .atom && (namespace == rootNamespace || FeedNamespace.isAtom(namespace))
        switch node.name {
        case "title" where isRSS:
            feed.title = Sanitizer.cleanLineOrNil(FeedText.plain(node.text)) ?? feed.title
        case "title" where isAtom:
            feed.title = Sanitizer.cleanLineOrNil(FeedItemBuilder.textConstruct(node)) ?? feed.title
        case "title" where namespace == FeedNamespace.dublinCore || namespace == FeedNamespace.media:
            if feed.title == nil { feed.title = Sanitizer.cleanLineOrNil(FeedText.plain(node.text)) }
            return feed.title != nil
        case "link" where isRSS:
            if feed.siteURL == nil { feed.siteURL = Sanitizer.cleanLineOrNil(node.resolvedURL(node.text)) }
        case "link" where isAtom:
            let rel = node.attribute("rel") ?? "alternate"
            if feed.siteURL == nil, rel == "alternate" {
                feed.siteURL = Sanitizer.cleanLineOrNil(node.resolvedURL(node.attribute("href") ?? node.text))
            }
        default:
            return false
        }
        return true
    }
}
