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
}
