import Foundation

/// An age such as `12h`, `30d` or `8w`, as `krant purge --older-than` takes it.
struct AgeLimit: Hashable {
    var seconds: TimeInterval

    static let units: [Character: (seconds: TimeInterval, name: String)] = [
        "h": (3_600, "hours"), "d": (86_400, "days"), "w": (604_800, "weeks"),
    ]

    /// Nil when the text is not a whole number followed by h, d or w.
    init?(_ text: String) {
        guard let unit = text.last, let (size, _) = Self.units[unit],
              let count = Int(text.dropLast()), count >= 0, count <= 1_000_000,
              text.dropLast().allSatisfy(\.isASCII) else { return nil }
        seconds = TimeInterval(count) * size
    }

    /// The moment this long before `now`.
    func before(_ now: Date) -> Date { now.addingTimeInterval(-seconds) }

    static let explanation = "write a whole number and h, d or w: 12h, 30d, 8w"
}
