import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// Syncing with an aggregator server through the Google Reader API: the
/// server's items enter the store the same way fetched items do (sanitised,
/// ignore rules applied, bodies converted when read).
///
/// Order matters: what krant queued goes up first (feed changes, then
/// marks), so the server's state pulled after it already contains it; then
/// subscriptions, the items krant lacks (those the server got since the
/// last complete sync, and any unread or starred one) and finally the read
/// and starred state of everything.
/// Each step is its own transaction; a failure stops the sync and leaves
/// done what was done: queued marks stay queued until the server took them.
extension Ingestion {
    /// How many items a page asks for: FreshRSS serves 1,000 in tens of milliseconds.
    static let syncPageSize = 1000
    /// Items per transaction when storing them: see `pullItems`.
    static let syncBatchSize = 10_000
    /// The next sync asks for the ids of items the server got since ten
    /// minutes before the last one began: clocks differ, and a server may
    /// commit items late. Known ids cost only their listing, and unread or
    /// starred items krant lacks are fetched whenever they came.
    static let syncOverlap: Int64 = 600

    /// Syncs one account. Never throws: the report says how far it got.
    public func sync(_ account: SyncAccount, credentials: SyncCredentials, timeout: Duration = .seconds(30),
                     progress: @Sendable (Int) -> Void = { _ in }) async -> SyncReport {
        var report = SyncReport(account: account.name)
        let startedAt = Int64(Date().timeIntervalSince1970)
        do {
            let session = try Self.session(account, credentials: credentials, timeout: timeout)
            try await sendFeedChanges(account, session: session, into: &report)
            try await sendMarks(account, session: session, into: &report)
            let feeds = try await pullSubscriptions(account, session: session, into: &report)
            let since = account.syncedUntil > 0 ? account.syncedUntil - Self.syncOverlap : nil
            let recent = try await session.call { client throws(GoogleReaderError) in
                try await client.itemIDs(of: GoogleReaderClient.readingList, newerThan: since)
            }
            let unread = try await session.call { client throws(GoogleReaderError) in
                try await client.itemIDs(of: GoogleReaderClient.readingList, excludingRead: true)
            }
            let starred = try await session.call { client throws(GoogleReaderError) in
                try await client.itemIDs(of: GoogleReaderClient.starredState)
            }
            // What came since the last sync, and every unread or starred
            // item krant lacks whenever it came (a server may commit an
            // item with an id from before the last sync).
            let linked = try storeStep { try store.syncedItemIDs(accountID: account.id) }
            let missing = Set(recent).union(unread).union(starred).subtracting(linked).sorted(by: >)
            try await pullItems(missing, account: account, feeds: feeds, firstSync: since == nil, session: session,
                                into: &report, progress: progress)
            let changed = try storeStep { try store.applyServerState(accountID: account.id, unread: unread, starred: starred) }
            (report.readChanged, report.starredChanged) = changed
        } catch let failure as SyncFailure {
            report.failure = failure
        } catch {
            report.failure = .store(StoreError.reason(for: error))
        }
        report.waitingMarks = (try? store.waitingMarkCount(accountID: account.id)) ?? 0
        let offline = report.failure?.isOffline ?? false
        let syncedUntil = report.failure == nil ? startedAt : nil
        try? store.recordSync(accountID: account.id, status: report.summary, offline: offline, syncedUntil: syncedUntil)
        return report
    }

    /// Sends what krant queued (feed changes, then marks) and nothing more:
    /// `krant feeds remove`, `rename` and `move` send at once when the
    /// server is there.
    public func sendQueued(_ account: SyncAccount, credentials: SyncCredentials,
                           timeout: Duration = .seconds(30)) async -> SyncReport {
        var report = SyncReport(account: account.name)
        do {
            let session = try Self.session(account, credentials: credentials, timeout: timeout)
            try await sendFeedChanges(account, session: session, into: &report)
            try await sendMarks(account, session: session, into: &report)
        } catch let failure as SyncFailure {
            report.failure = failure
        } catch {
            report.failure = .store(StoreError.reason(for: error))
        }
        report.waitingMarks = (try? store.waitingMarkCount(accountID: account.id)) ?? 0
        return report
    }

    /// A connection to the account's server, once its address passed the
    /// https rule.
    private static func session(_ account: SyncAccount, credentials: SyncCredentials,
                                timeout: Duration) throws(SyncFailure) -> SyncSession {
        let url = try GoogleReaderClient.checkedURL(account.url).mapError(SyncFailure.server).get()
        return SyncSession(account: account, url: url, credentials: credentials, timeout: timeout)
    }

    // MARK: Up

    private func sendFeedChanges(_ account: SyncAccount, session: SyncSession, into report: inout SyncReport) async throws {
        for change in try store.feedChanges(accountID: account.id) {
            do {
                let streamID = try await send(change, session: session)
                try store.finishFeedChange(change, streamID: streamID)
                report.sentFeedChanges += 1
            } catch SyncFailure.server(.refused(let endpoint, let status, let body)) {
                // Unsubscribing what the server no longer has is done, not refused.
                if change.kind != .unsubscribe {
                    let what = change.url ?? change.streamID ?? "a feed"
                    report.refusedFeedChanges.append("\(change.kind.rawValue) \(what): "
                        + GoogleReaderError.refused(endpoint: endpoint, status: status, body: body).description)
                }
                try store.dropFeedChange(change)
            }
        }
    }

    /// The server's stream id for a subscription; nil for other changes.
    private func send(_ change: FeedChange, session: SyncSession) async throws -> String? {
        switch change.kind {
        case .subscribe:
            guard let url = change.url else { return nil }
            let stream = try await session.call { client throws(GoogleReaderError) in try await client.quickAdd(url) }
            if change.title != nil || change.category != nil {
                try await session.write { client, token throws(GoogleReaderError) in
                    try await client.editSubscription("edit", stream: stream, title: change.title,
                                                      addFolder: change.category, token: token)
                }
            }
            return stream
        case .unsubscribe:
            guard let stream = change.streamID else { return nil }
            try await session.write { client, token throws(GoogleReaderError) in
                try await client.editSubscription("unsubscribe", stream: stream, token: token)
            }
        case .rename:
            guard let stream = change.streamID, let title = change.title else { return nil }
            try await session.write { client, token throws(GoogleReaderError) in
                try await client.editSubscription("edit", stream: stream, title: title, token: token)
            }
        case .move:
            guard let stream = change.streamID else { return nil }
            try await session.write { client, token throws(GoogleReaderError) in
                try await client.editSubscription("edit", stream: stream, addFolder: change.category,
                                                  removeFolder: change.oldCategory, token: token)
            }
        }
        return nil
    }

    private func sendMarks(_ account: SyncAccount, session: SyncSession, into report: inout SyncReport) async throws {
        let marks = try store.waitingMarks(accountID: account.id)
        let groups = Dictionary(grouping: marks) { MarkGroup(flag: $0.flag, value: $0.value) }
        for (group, marks) in groups.sorted(by: { $0.key.order < $1.key.order }) {
            let tag = group.flag == .read ? GoogleReaderClient.readState : GoogleReaderClient.starredState
            for start in stride(from: 0, to: marks.count, by: 250) {
                let chunk = Array(marks[start..<min(marks.count, start + 250)])
                try await session.write { client, token throws(GoogleReaderError) in
                    try await client.editTag(chunk.map(\.itemID), add: group.value ? tag : nil,
                                             remove: group.value ? nil : tag, token: token)
                }
                try store.finishMarks(chunk, accountID: account.id)
                report.sentMarks += chunk.count
            }
        }
    }

    private struct MarkGroup: Hashable {
        var flag: WaitingMark.Flag
        var value: Bool
        var order: Int { (flag == .read ? 0 : 2) + (value ? 0 : 1) }
    }

    // MARK: Down

    /// Applies the server's subscription list; returns each stream's feed.
    private func pullSubscriptions(_ account: SyncAccount, session: SyncSession,
                                   into report: inout SyncReport) async throws -> [String: SyncFeed] {
        let subscriptions = try await session.call { client throws(GoogleReaderError) in try await client.subscriptions() }
        let changes = try storeStep { try store.applySubscriptions(accountID: account.id, subscriptions) }
        report.feedsAdded += changes.added
        report.feedsRemoved += changes.removed
        report.feedsChanged += changes.changed
        var feeds: [String: SyncFeed] = [:]
        for subscription in subscriptions {
            guard let id = changes.feedIDs[subscription.streamID] else { continue }
            feeds[subscription.streamID] = SyncFeed(id: id, url: subscription.url, title: subscription.title,
                                                    category: subscription.category)
        }
        return feeds
    }

    /// Fetches the items with these ids, newest first, 1,000 to a request,
    /// and stores them in batches of `syncBatchSize` on the pipeline's
    /// writer while the next request downloads: a transaction of 1,000
    /// random inserts rewrote most of each date index, and 10,000 at a time
    /// took a first sync of 100,000 items from 5.2 s of writing to 3.6.
    private func pullItems(_ ids: [Int64], account: SyncAccount, feeds: [String: SyncFeed], firstSync: Bool,
                           session: SyncSession, into report: inout SyncReport,
                           progress: @Sendable (Int) -> Void) async throws {
        guard !ids.isEmpty else { return }
        let feedIDs = feeds.mapValues(\.id)
        // A first sync of a large account leaves its search index to the
        // background indexer, as an import does.
        let indexing: SearchIndexing = firstSync && ids.count > 5000 ? .later : indexing
        let (store, unlinked) = (self.store, UnlinkedArticles())
        let writer = StoreWriter<Void>(count: 0)
        let written = WrittenItems()
        let chunks = stride(from: 0, to: ids.count, by: Self.syncPageSize).map {
            Array(ids[$0..<min(ids.count, $0 + Self.syncPageSize)])
        }
        var received = 0
        var pending: [SyncedItem] = []
        do {
            var page = try await fetchItems(chunks.first, session: session)!
            for index in chunks.indices {
                async let following = fetchItems(index + 1 < chunks.count ? chunks[index + 1] : nil, session: session)
                pending += syncedItems(page.items, feeds: feeds, report: &report)
                received += chunks[index].count
                progress(received)
                let last = index + 1 == chunks.count
                if pending.count >= Self.syncBatchSize || last, !pending.isEmpty, !written.failed {
                    let batch = pending
                    pending.removeAll(keepingCapacity: true)
                    await writer.performWithoutBlocking {
                        written.record {
                            try store.storeSyncedItems(batch, accountID: account.id, feedIDs: feedIDs,
                                                       indexing: indexing, matching: unlinked)
                        }
                    }
                }
                guard let next = try await following else { break }
                page = next
            }
        } catch {
            await writer.finishWithoutBlocking()
            written.add(to: &report)
            throw error
        }
        await writer.finishWithoutBlocking()
        written.add(to: &report)
        if let failure = written.failure { throw SyncFailure.store(StoreError.reason(for: failure)) }
    }

    /// The items with these ids; nil for no ids.
    private func fetchItems(_ ids: [Int64]?, session: SyncSession) async throws -> GoogleReaderPage? {
        guard let ids else { return nil }
        return try await session.call { client throws(GoogleReaderError) in try await client.contents(ofItems: ids) }
    }

    /// The page's items as articles of their feeds, less those the ignore rules drop.
    private func syncedItems(_ items: [GoogleReaderItem], feeds: [String: SyncFeed], report: inout SyncReport) -> [SyncedItem] {
        let rules = ignoreRules
        let converted = items.concurrentMap { item -> SyncedItem? in
            guard let feed = feeds[item.streamID] else { return nil }
            let title = feed.title ?? item.feedTitle
            var article = item.item.storableArticle(feedURL: feed.url, feedTitle: title, category: feed.category)
            article.isRead = item.isRead
            article.isStarred = item.isStarred
            if rules.contains(where: { $0.matches(article, feedURL: feed.url, feedTitle: title, fold: SearchFolding.fold) }) {
                return nil
            }
            return SyncedItem(itemID: item.id, streamID: item.streamID, article: article)
        }
        let kept = converted.compactMap { $0 }
        report.ignoredArticles += items.count { feeds[$0.streamID] != nil } - kept.count
        return kept
    }

    /// A store call whose failure ends the sync with the store's reason.
    private func storeStep<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw SyncFailure.store(StoreError.reason(for: error)) }
    }
}
