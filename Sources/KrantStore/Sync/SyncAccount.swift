import Foundation

/// An account on an aggregator server that krant syncs with: where the
/// server is, who signs in, and how far the last sync got. Its password is
/// never stored; its auth token is kept in a file (`SyncTokenFile`).
public struct SyncAccount: Sendable, Hashable {
    public var id: Int64
    /// What the user calls it (`krant sync remove NAME`); the server's host by default.
    public var name: String
    /// The API's base URL, e.g. `https://rss.example.org/api/greader.php`.
    public var url: String
    public var user: String
    public var addedAt: Date
    /// The server's id of the newest item stored (microseconds on FreshRSS),
    /// 0 before the first sync: the next sync asks only for items since.
    public var newestItemID: Int64
    public var lastSyncAt: Date?
    /// The last sync's result in words.
    public var lastStatus: String?
    /// Whether the last sync could not reach the server.
    public var isOffline: Bool

    public init(id: Int64, name: String, url: String, user: String, addedAt: Date, newestItemID: Int64 = 0,
                lastSyncAt: Date? = nil, lastStatus: String? = nil, isOffline: Bool = false) {
        self.id = id
        self.name = name
        self.url = url
        self.user = user
        self.addedAt = addedAt
        self.newestItemID = newestItemID
        self.lastSyncAt = lastSyncAt
        self.lastStatus = lastStatus
        self.isOffline = isOffline
    }
}
