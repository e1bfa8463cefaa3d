import KrantCore
import KrantStore

/// A scripted reading session through the real reader core and store: every
/// step is a key as the runtime would send it, followed by a full render, so
/// the time measured is what a key costs before the screen can be drawn.
enum ReaderSession {
    static let width = 120
    static let height = 40

    /// Opens the store and draws the first frame, as `krant` does at start.
    static func firstFrame(path: String) throws -> ReaderDriver<ArticleStore> {
        firstFrame(store: try ArticleStore(path: path))
    }

    static func firstFrame(store: ArticleStore) -> ReaderDriver<ArticleStore> {
        var driver = ReaderDriver(state: ReaderState(width: width, height: height), source: store)
        _ = driver.send(.resized(width: width, height: height))
        _ = ReaderRenderer.render(driver.state)
        return driver
    }

    /// The keys of one round; repeated to make up the session.
    static let round: [Key] = [
        .character("j"), .character("j"), .character("j"), .enter, .character("]"), .character("}"),
        .character(" "), .character("["), .character("{"), .character("o"), .character("j"), .enter,
        .character("q"), .character("n"), .enter, .character("r"), .character("q"), .pageDown, .pageDown,
        .character("k"), .character("u"), .character("j"), .character("u"), .character("c"), .enter,
        .character("G"), .character("g"), .character("s"), .character("s"),
    ]

    /// Runs `count` keys; returns the time of each (update + store + render),
    /// in ms, with the key's label.
    static func run(_ driver: inout ReaderDriver<ArticleStore>, count: Int) -> [(key: String, ms: Double)] {
        var times: [(String, Double)] = []
        times.reserveCapacity(count)
        for step in 0..<count {
            let key = round[step % round.count]
            times.append((key.label, Measurements.time {
                if let action = driver.state.settings.keymap.action(for: key, in: driver.state) { _ = driver.send(action) }
                _ = ReaderRenderer.render(driver.state)
            }))
        }
        return times
    }

    /// The median time per key, slowest first: where a slow p99 comes from.
    static func slowestKeys(_ times: [(key: String, ms: Double)], count: Int = 5) -> String {
        Dictionary(grouping: times, by: \.key)
            .map { ($0.key, Measurements.median($0.value.map(\.ms)), Measurements.percentile($0.value.map(\.ms), 99)) }
            .sorted { $0.2 > $1.2 }
            .prefix(count)
            .map { String(format: "%@ p50 %.2f p99 %.2f ms", $0.0, $0.1, $0.2) }
            .joined(separator: "; ")
    }
}
