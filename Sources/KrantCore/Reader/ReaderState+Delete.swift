/// Deleting the selected or open article, and undoing it right after. The
/// row leaves the screen at once; the store's delete is an effect, and the
/// view is read back after it (the data layer makes reads wait for it).
extension ReaderState {
    mutating func deleteArticle() -> [Effect] {
        let reading = focus == .article ? self.reading : nil
        guard let id = reading?.article.id ?? selectedHeadline?.id else {
            message = page.total == 0 ? text.noArticlesHere : text.noArticleSelected
            return []
        }
        let title = reading?.article.title ?? selectedHeadline?.title ?? ""
        if let local = page.rows.firstIndex(where: { $0.id == id }), page.query == query {
            if !page.rows[local].isRead { page.unread = max(0, page.unread - 1) }
            page.rows.remove(at: local)
            page.total = max(0, page.total - 1)
            if page.offset + local < selection { selection -= 1 }
        }
        let wasOpen = self.reading?.article.id == id
        if wasOpen {
            self.reading = nil
            focus = .list
            if fullScreenArticle { fullScreenArticle = false }
        }
        selection = max(0, min(selection, page.total - 1))
        scrollListToSelection()
        undoableDeletion = ReaderDeletion(id: id, title: title, wasOpen: wasOpen)
        message = text.deleted(title, undoKey: keyName(for: .undoDelete))
        return [.deleteArticles([id])] + reload(keepingSelection: true)
    }

    mutating func undoDelete() -> [Effect] {
        guard let deletion = undoableDeletion else { message = text.nothingToUndo; return [] }
        undoableDeletion = nil
        message = text.restored(deletion.title)
        let height = max(1, listHeight)
        var effects: [Effect] = [.restoreArticles([deletion.id]),
                                 .loadHeadlines(query, offset: max(0, listTop - height), limit: height * 3,
                                                keeping: deletion.id)]
        if deletion.wasOpen {
            focus = .article
            effects.append(.loadArticle(id: deletion.id))
        }
        return effects
    }
}
