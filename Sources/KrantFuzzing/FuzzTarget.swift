/// The code krant's fuzzers exercise, one target per parser or text routine.
/// `krant-fuzz` runs the one named in `KRANT_FUZZ_TARGET` under libFuzzer;
/// `KrantFuzzingTests` replays every saved input through the same `run`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case plainText = "plain-text"
    case rss
    case atom
    case rdf
    case jsonFeed = "json-feed"
    case opml
    case html
    case sanitizer
    case wrapper

    /// Runs one input; the check lists every promise it broke. A crash, a
    /// hang or a leak is left to the caller (libFuzzer) to notice.
    public func run(_ bytes: [UInt8]) -> InvariantCheck {
        var check = InvariantCheck()
        switch self {
        case .plainText: PlainTextFuzzTarget.run(bytes, &check)
        case .rss: FeedFuzzTarget.run(bytes, format: .rss, &check)
        case .atom: FeedFuzzTarget.run(bytes, format: .atom, &check)
        case .rdf: FeedFuzzTarget.run(bytes, format: .rdf, &check)
        case .jsonFeed: FeedFuzzTarget.run(bytes, format: .jsonFeed, &check)
        case .opml: OPMLFuzzTarget.run(bytes, &check)
        case .html: HTMLFuzzTarget.run(bytes, &check)
        case .sanitizer: SanitizerFuzzTarget.run(bytes, &check)
        case .wrapper: WrapperFuzzTarget.run(bytes, &check)
        }
        return check
    }

    /// The targets' names, for usage messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
