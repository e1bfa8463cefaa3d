import KrantCore

/// A saved article's bytes, read the way `krant import` reads a `.txt` file:
/// decoded by `ArticleTextDecoder`, then parsed. Whether the parser accepts
/// or rejects the input, what it hands on must be safe to show.
enum PlainTextFuzzTarget {
    /// A fixed reading day, so "vandaag" and weekday names resolve the same
    /// way on every run.
    static let readingDay = CivilDate(year: 2024, month: 6, day: 15)

    static func run(_ bytes: [UInt8], _ check: inout InvariantCheck) {
        if let text = try? ArticleTextDecoder.decode(bytes) {
            check.expect(!text.unicodeScalars.contains("\r"), "the decoded text holds a carriage return")
        }
        let parsed: PlainTextArticleParser.Result
        do {
            parsed = try PlainTextArticleParser().parse(bytes, readingDay: readingDay)
        } catch {
            check.expectOneLine(error.description, "the rejection")
            return
        }
        check.expectTerminalSafe(parsed.normalizedText, "the normalised text", allowsNewlines: true)
        let article = parsed.article
        ArticleCheck.run(article, name: "the article", &check)
        check.expect(!article.title.isEmpty, "the title is empty")
        check.expect(article.title.count <= PlainTextArticleParser().maximumTitleLength,
                     "the title has \(article.title.count) characters")
        // Every line was collapsed before it became a field.
        for (field, text) in [("the title", article.title), ("the source", article.source), ("the time", article.when),
                              ("the lead caption", article.leadCaption?.text)] {
            if let text { check.expectCollapsed(text, field) }
        }
        for (index, block) in article.blocks.enumerated() {
            check.expect(!block.plainText.isEmpty, "block \(index + 1) is empty")
            check.expectCollapsed(block.plainText, "block \(index + 1) (\(block.typeName))")
        }
        check.expect(article.blocks.contains { if case .paragraph = $0 { true } else { false } },
                     "an accepted article has no paragraph")
    }
}
