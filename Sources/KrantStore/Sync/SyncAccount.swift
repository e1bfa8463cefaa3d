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
    /// The server's clock (unix seconds) when the last complete sync began,
    /// 0 before the first: the next sync asks only for items the server got
    /// since then.
    public var syncedUntil: Int64
    public var lastSyncAt: Date?
    /// The last sync's result in words.
    public var lastStatus: String?
    /// Whether the last sync could not reach the server.
    public var isOffline: Bool

    public init(id: Int64, name: String, url: String, user: String, addedAt: Date, syncedUntil: Int64 = 0,
                lastSyncAt: Date? = nil, lastStatus: String? = nil, isOffline: Bool = false) {
        self.id = id
        self.name = name
        self.url = url
        self.user = user
        self.addedAt = addedAt
        self.syncedUntil = syncedUntil
        self.lastSyncAt = lastSyncAt
        self.lastStatus = lastStatus
        self.isOffline = isOffline
    }
}
