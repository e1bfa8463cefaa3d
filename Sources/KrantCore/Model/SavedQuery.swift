import Foundation

/// A named view from the config file's `[[queries]]`: search words, a feed,
/// a category, unread or starred, an age. Shown in the reader's chooser
/// with its counts, and listed by `krant list --query NAME`.
public struct SavedQuery: Hashable, Sendable {
    public var name: String
    public var search: String?
    /// A feed's address or title.
    public var feed: String?
    public var category: String?
    /// Nil: the view's own unread setting is kept.
    public var unread: Bool?
    public var starred: Bool?
    public var maxAge: AgeLimit?

    public init(name: String, search: String? = nil, feed: String? = nil, category: String? = nil,
                unread: Bool? = nil, starred: Bool? = nil, maxAge: AgeLimit? = nil) {
        self.name = name
        self.search = search
        self.feed = feed
        self.category = category
        self.unread = unread
        self.starred = starred
        self.maxAge = maxAge
    }

    /// The headlines this query shows; `unreadOnly` is the view's own when
    /// the query does not say.
    public func headlineQuery(unreadOnly: Bool = false) -> HeadlineQuery {
        HeadlineQuery(unreadOnly: unread ?? unreadOnly, starredOnly: starred ?? false, category: category,
                      search: search, feedName: feed, maxAgeSeconds: maxAge?.seconds)
    }
}

/// An age such as `7d`: a whole number and a unit, h (hours), d (days) or
/// w (weeks); a saved query's `max_age` and `krant purge --older-than`.
public struct AgeLimit: Hashable, Sendable, CustomStringConvertible {
    public var count: Int
    public var unit: Character

    static let units: [Character: Int] = ["h": 3600, "d": 86_400, "w": 604_800]

    /// Nil for anything but digits followed by one of the units.
    public init?(_ text: String) {
        guard let unit = text.last, Self.units[unit] != nil,
              let count = Int(text.dropLast()), count > 0, count <= 1_000_000, text.first?.isNumber == true
        else { return nil }
        self.count = count
        self.unit = unit
    }

    public var seconds: Int { count * Self.units[unit]! }

    /// The moment this long before `now`.
    public func before(_ now: Date) -> Date { now.addingTimeInterval(-TimeInterval(seconds)) }

    public static let explanation = "write a whole number and h, d or w: 12h, 30d, 8w"
    public var description: String { "\(count)\(unit)" }
}
