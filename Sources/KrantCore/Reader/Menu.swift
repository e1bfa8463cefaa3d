/// A list to pick one entry from (the outline, the category chooser): the
/// selection, its movement, and the choice. What a choice means is up to
/// the reader, so every menu behaves the same under the same keys.
public struct Menu<Entry: Hashable & Sendable>: Hashable, Sendable {
    public var entries: [Entry]
    public var selection: Int

    public enum Outcome: Hashable, Sendable {
        /// Still open (the highlight may have moved).
        case open
        case chosen(Entry)
        case closed
    }

    public init(entries: [Entry], selection: Int = 0) {
        self.entries = entries
        self.selection = max(0, min(selection, entries.count - 1))
    }

    public var selected: Entry? { entries.indices.contains(selection) ? entries[selection] : nil }

    /// `page` is how many entries the window shows at once.
    mutating func update(_ action: MenuAction, page: Int) -> Outcome {
        if let moved = action.moved(selection, last: entries.count - 1, page: page) {
            selection = moved
            return .open
        }
        switch action {
        case .choose: return selected.map(Outcome.chosen) ?? .closed
        default: return .closed
        }
    }
}
