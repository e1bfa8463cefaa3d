import KrantCore

/// What every article must be, however it was made: each field that is shown
/// is terminal-safe and on one line, and its date is a real one.
enum ArticleCheck {
    static func run(_ article: Article, name: String, _ check: inout InvariantCheck) {
        let fields = [("title", article.title), ("source", article.source), ("category", article.category),
                      ("time", article.when), ("URL", article.url), ("lead credit", article.leadCaption?.credit),
                      ("lead caption", article.leadCaption?.text)]
        for (field, text) in fields {
            if let text { check.expectOneLine(text, "\(name)'s \(field)") }
        }
        BlockCheck.run(article.blocks, links: article.links, name: name, &check)
        if let published = article.published { PublishedDateCheck.run(published, &check) }
    }
}
