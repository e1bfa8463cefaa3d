import Foundation
import KrantConfig
import KrantCore
import KrantStore

/// The config file's `[retention]`, applied after a fetch (`krant fetch`
/// and the reader's fetch key).
enum Retention {
    /// Removes what the settings no longer keep; returns how many, or nil
    /// when retention is off.
    static func apply(_ settings: RetentionSettings, to store: ArticleStore, now: Date = Date()) throws -> Int? {
        guard settings.isOn else { return nil }
        let rule = PurgeRule(olderThan: settings.keepDays > 0 ? now.addingTimeInterval(-Double(settings.keepDays) * 86_400) : nil,
                             keepPerFeed: settings.maxPerFeed > 0 ? settings.maxPerFeed : nil,
                             includeUnread: settings.includeUnread, feedsOnly: true)
        return try store.purge(rule)
    }

    /// ", 12 old articles removed" for a fetch summary, or "" when retention is off.
    static func summary(_ removed: Int?) -> String {
        removed.map { ", \(counted($0, "old article")) removed" } ?? ""
    }
}
