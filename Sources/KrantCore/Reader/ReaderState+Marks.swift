/// Read and starred marks. The screen changes at once and the write is an
/// effect; the driver makes sure a mark is stored before anything reads the
/// view back, and the screen never waits for it.
extension ReaderState {
    /// Changes a loaded row at once, before the store confirms, so the screen
    /// never lags behind a key press.
    mutating func setLocally(_ id: Int64, _ change: (inout Headline) -> Void) {
        if let local = page.rows.firstIndex(where: { $0.id == id }) { change(&page.rows[local]) }
    }

    mutating func toggleRead() -> [Effect] {
        guard let headline = selectedHeadline else { message = text.noArticleSelected; return [] }
        let read = !headline.isRead
        setLocally(headline.id) { $0.isRead = read }
        page.unread += read ? -1 : 1
        if reading?.article.id == headline.id { reading?.article.isRead = read }
        message = text.marked(read: read)
        return [.setRead([headline.id], read, in: query)]
    }

    mutating func toggleStar() -> [Effect] {
        guard let headline = selectedHeadline else { message = text.noArticleSelected; return [] }
        let starred = !headline.isStarred
        setLocally(headline.id) { $0.isStarred = starred }
        if reading?.article.id == headline.id { reading?.article.isStarred = starred }
        message = text.starred(starred)
        return [.setStarred([headline.id], starred, in: query)]
    }

    mutating func markAllRead() -> [Effect] {
        guard page.unread > 0 else { message = text.nothingToMark; return [] }
        if page.total > listHeight {
            overlay = .confirmMarkAll(MarkAllConfirmation(count: page.unread))
            return []
        }
        return performMarkAllRead()
    }

    mutating func performMarkAllRead() -> [Effect] {
        let count = page.unread
        for index in page.rows.indices { page.rows[index].isRead = true }
        page.unread = 0
        reading?.article.isRead = true
        message = text.markedAllRead(count)
        // The view is read again once the write is committed (`.storeChanged`):
        // reading it now could show the rows still unread.
        return [.markAllRead(query)]
    }
}
