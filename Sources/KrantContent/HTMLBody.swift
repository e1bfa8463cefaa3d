import KrantCore

/// Makes a feed item's blocks from its HTML body, whenever that happens: at
/// once (`FeedItem.article`) or when a stored article is first read.
public enum HTMLBody {
    /// The article with `bodyHTML` turned into blocks and links; a figure
    /// that opens the body becomes the lead caption unless the feed named one
    /// (then it stays in place, if it is a different photo). Links are made
    /// absolute against `baseURL`. An article without `bodyHTML` is returned
    /// unchanged.
    public static func resolve(_ article: Article, baseURL: String?) -> Article {
        resolve(article, baseURL: baseURL, numbersLinks: true)
    }

    private static func resolve(_ article: Article, baseURL: String?, numbersLinks: Bool) -> Article {
        guard let html = article.bodyHTML else { return article }
        var article = article
        let converted = HTMLArticleConverter.convert(html, baseURL: baseURL, numbersLinks: numbersLinks)
        article.bodyHTML = nil
        article.blocks = converted.blocks
        article.links = converted.links
        article.linkTexts = converted.linkTexts
        if let bodyLead = converted.leadCaption {
            if let feedLead = article.leadCaption {
                if bodyLead.text != feedLead.text { article.blocks.insert(.caption(bodyLead), at: 0) }
            } else {
                article.leadCaption = bodyLead
            }
        }
        return article
    }

    /// The text search indexes for an article stored with its HTML body:
    /// `Article.searchableBody` of the resolved article, without the link
    /// numbers (which depend on the links' base, and match nothing a reader
    /// would search for). The store's SQL function calls this with the row's
    /// values only, so the words that go into the index and the words that
    /// take an article out of it are always the same.
    public static func searchableText(leadCredit: String?, leadText: String?, html: String) -> String {
        var article = Article(title: "", bodyHTML: html)
        if let leadCredit, let leadText { article.leadCaption = Caption(credit: leadCredit, text: leadText) }
        return resolve(article, baseURL: nil, numbersLinks: false).searchableBody
    }
}
