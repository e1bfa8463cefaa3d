import KrantContent
import KrantStore

extension KrantRunner {
    /// Opens the store as a krant with the next content rules would (same
    /// words), so that its search index counts as another version's and the
    /// next `krant index` or search rebuilds it.
    func markIndexedByAnotherVersion() throws {
        let other = ContentConverter(version: ContentConverter.currentVersion + 1) { credit, text, html in
            HTMLBody.searchableText(leadCredit: credit, leadText: text, html: html)
        }
        _ = try ArticleStore(path: databasePath, converter: other)
    }
}
