import KrantCore
import ReaderTestSupport
import Testing

/// The reader's data layer on its own: what it caches, when it asks the
/// source again, and that reads never overtake marks.
@Suite struct ReaderSourceCacheTests {
    static let all = HeadlineQuery()
    static let unread = HeadlineQuery(unreadOnly: true)

    static func pair(_ counts: (total: Int, unread: Int)) -> [Int] { [counts.total, counts.unread] }

    @Test func countsAreCountedOnceAndMovedByMarks() throws {
        let source = InMemorySource(ReaderFixtures.generated(10))
        var cache = ReaderSourceCache(source: source)
        #expect(try Self.pair(cache.counts(Self.all)) == [10, 10])
        #expect(try Self.pair(cache.counts(Self.unread)) == [10, 10])
        #expect(source.countCalls == 2)
        // A mark moves the view's counts and its unread twin's, uncounted.
        cache.setRead([10], true, in: Self.all)
        cache.setRead([9, 8], true, in: Self.unread)
        #expect(try Self.pair(cache.counts(Self.all)) == [10, 7])
        #expect(try Self.pair(cache.counts(Self.unread)) == [7, 7])
        #expect(source.countCalls == 2)
        #expect(try Self.pair(source.counts(Self.unread)) == [7, 7])
        // A category's counts are not known to move the same way: counted again.
        #expect(try Self.pair(cache.counts(HeadlineQuery(category: "Sport"))) == [5, 3])
        cache.setRead([1], true, in: Self.all)
        let before = source.countCalls
        #expect(try Self.pair(cache.counts(HeadlineQuery(category: "Binnenland"))) == [5, 3])
        #expect(source.countCalls == before + 1)
        // Another process changed the store: everything is counted afresh.
        cache.forgetPositions()
        _ = try cache.counts(Self.all)
        #expect(source.countCalls == before + 2)
    }

    @Test func theNextWindowIsReadFromTheLastOnesEdge() throws {
        let source = InMemorySource(ReaderFixtures.generated(1000))
        var cache = ReaderSourceCache(source: source)
        let first = try cache.window(Self.all, offset: 600, limit: 30, keeping: nil)
        #expect(first.rows.map(\.title) == (371...400).reversed().map { "Bericht \($0)" })
        var walked = source.rowsWalked
        let next = try cache.window(Self.all, offset: 630, limit: 30, keeping: nil)
        #expect(next.offset == 630)
        #expect(next.rows.map(\.title) == (341...370).reversed().map { "Bericht \($0)" })
        #expect(source.rowsWalked - walked <= 31)
        // Positions no longer trusted: from the nearer end, the bottom.
        cache.forgetPositions()
        walked = source.rowsWalked
        _ = try cache.window(Self.all, offset: 660, limit: 30, keeping: nil)
        #expect(source.rowsWalked - walked == 340)
    }

    @Test func aReloadFindsTheKeptArticle() throws {
        let source = InMemorySource(ReaderFixtures.generated(100))
        var cache = ReaderSourceCache(source: source)
        source.articles.append(Article(id: 500, title: "Nieuw", published: PublishedDate(year: 2030, month: 1)))
        let page = try cache.window(Self.all, offset: 0, limit: 20, keeping: 95)
        #expect(page.selectedIndex == 6)
        #expect(page.total == 101)
        #expect(page.rows[6].id == 95)
        #expect(try cache.window(Self.all, offset: 0, limit: 20, keeping: 999).selectedIndex == nil)
    }

    @Test func readsWaitForMarksButTheArticleDoesNot() throws {
        let source = InMemorySource(ReaderFixtures.generated(5))
        let writer = DeferredWriter()
        var cache = ReaderSourceCache(source: source, writer: writer)
        cache.setRead([5], true, in: Self.all)
        cache.setStarred([4], true, in: Self.all)
        #expect(try cache.article(id: 5)?.isRead == false)
        #expect(writer.pendingWrites == 2)
        let page = try cache.window(Self.unread, offset: 0, limit: 10, keeping: nil)
        #expect(writer.pendingWrites == 0)
        #expect(page.rows.map(\.id) == [4, 3, 2, 1])
        #expect(page.rows.first?.isStarred == true)
    }

    @Test func markAllReadReportsThroughTheInboxWhenCommitted() throws {
        let source = InMemorySource(ReaderFixtures.generated(5))
        let writer = DeferredWriter()
        let inbox = ReaderInbox()
        var cache = ReaderSourceCache(source: source, writer: writer, inbox: inbox)
        cache.markAllRead(Self.all)
        // Nothing waits for it, but the runtime knows work is running.
        writer.waitForMarks()
        #expect(writer.pendingWrites == 1)
        #expect(inbox.hasWork)
        #expect(inbox.drain().isEmpty)
        writer.finish()
        #expect(source.articles.allSatisfy { $0.isRead })
        #expect(inbox.drain() == [.storeChanged])
        #expect(!inbox.hasWork)
        cache.forgetPositions()
        #expect(try Self.pair(cache.counts(Self.all)) == [5, 0])
    }
}
