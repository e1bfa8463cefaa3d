import Crypto

/// The key that makes importing the same article twice a no-op.
public enum ArticleIdentity {
    /// `sha256:` and the hex SHA-256 of the article's normalised text, so the
    /// same article saved to two file names (or fetched twice) is one article.
    public static func forText(_ normalizedText: String) -> String {
        let digest = SHA256.hash(data: Array(normalizedText.utf8))
        return "sha256:" + digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A feed item's key, scoped to its feed (two feeds may carry the same
    /// story, and each lists it): the item's guid, else its link, else a hash
    /// of its title and text. Feeds that omit guids still give each item a
    /// stable link; an item with neither can only be recognised unchanged.
    public static func forFeedItem(feedID: Int64, guid: String, link: String?, title: String,
                                   body: String) -> String {
        if !guid.isEmpty { return "feed:\(feedID):guid:\(guid)" }
        if let link, !link.isEmpty { return "feed:\(feedID):link:\(link)" }
        return "feed:\(feedID):" + forText(title + "\n" + body)
    }
}
