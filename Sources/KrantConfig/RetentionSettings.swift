/// How long fetched articles are kept (`[retention]` in the config file),
/// applied after every fetch. Starred articles are always kept.
///
/// Unread articles go too unless `includeUnread` is false: retention bounds
/// the store in advance, as newsboat's `keep-articles-days` does, and a feed
/// nobody reads would otherwise grow without end.
public struct RetentionSettings: Sendable, Hashable {
    /// Articles older than this many days are removed; 0 keeps them all.
    public var keepDays = 0
    /// Only the newest this many articles of each feed are kept; 0 keeps them all.
    public var maxPerFeed = 0
    public var includeUnread = true

    public init(keepDays: Int = 0, maxPerFeed: Int = 0, includeUnread: Bool = true) {
        self.keepDays = keepDays
        self.maxPerFeed = maxPerFeed
        self.includeUnread = includeUnread
    }

    /// Whether retention removes anything at all.
    public var isOn: Bool { keepDays > 0 || maxPerFeed > 0 }
}
