/// The syndication format a document was written in, as detected from its bytes.
public enum FeedKind: Sendable {
    case rss
    case atom
    case jsonFeed
}
