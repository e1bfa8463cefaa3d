import KrantCore
import KrantFeeds

/// newsboat's `urls` file: a feed URL per line, then its tags. A tag
/// `~Name` names the feed, `!` hides it from newsboat's feed list; the
/// others are tags, of which krant keeps the first as the feed's category
/// (krant has one category per feed). Lines krant cannot subscribe to
/// (query feeds, `exec:` and `filter:` feeds, other schemes, repeats) are
/// kept with the reason, so the import can name each one.
public struct NewsboatURLs: Sendable, Hashable {
    public struct Subscription: Sendable, Hashable {
        public var line: Int
        public var url: String
        /// From a `~Name` tag.
        public var title: String?
        /// The first plain tag.
        public var category: String?
        /// Plain tags after the first, which krant has no place for.
        public var otherTags: [String]
    }

    public struct Skipped: Sendable, Hashable {
        public var line: Int
        public var text: String
        public var reason: String
    }

    public var subscriptions: [Subscription] = []
    public var skipped: [Skipped] = []

    public init(subscriptions: [Subscription] = [], skipped: [Skipped] = []) {
        self.subscriptions = subscriptions
        self.skipped = skipped
    }

    /// Reads the file's text as newsboat does: blank lines and lines that
    /// start with `#` are nothing (not problems, so not reported), and a
    /// `#` that starts a word outside quotes ends the line.
    public static func parse(_ text: String) -> NewsboatURLs {
        var result = NewsboatURLs()
        var seen: [String: Int] = [:]
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let tokens = tokenize(line)
            guard let first = tokens.first else { continue }
            let url = Sanitizer.cleanLine(first)
            if let reason = refusal(of: url) {
                result.skipped.append(Skipped(line: number, text: url, reason: reason))
                continue
            }
            if let earlier = seen[url] {
                result.skipped.append(Skipped(line: number, text: url, reason: "listed before, on line \(earlier)"))
                continue
            }
            seen[url] = number
            var subscription = Subscription(line: number, url: url, title: nil, category: nil, otherTags: [])
            for tag in tokens.dropFirst() {
                let tag = Sanitizer.cleanLine(tag)
                if tag.hasPrefix("~") {
                    let title = String(tag.dropFirst())
                    if !title.isEmpty { subscription.title = title }
                } else if tag.hasPrefix("!") || tag.isEmpty {
                    // Hidden from newsboat's feed list (its items still show
                    // in query feeds); krant lists every feed.
                    continue
                } else if subscription.category == nil {
                    subscription.category = tag
                } else {
                    subscription.otherTags.append(tag)
                }
            }
            result.subscriptions.append(subscription)
        }
        return result
    }

    /// Why krant cannot subscribe to a line's URL, or nil when it can.
    static func refusal(of url: String) -> String? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("query:") {
            return "a query feed (a search over the other feeds, not a feed); not imported"
        }
        if lowered.hasPrefix("exec:") {
            return "a feed made by running a command; krant runs no commands to fetch feeds"
        }
        if lowered.hasPrefix("filter:") {
            return "a feed passed through a filter script; krant runs no filter scripts"
        }
        if lowered.hasPrefix("file://") { return nil }
        if case .failure(let failure) = FeedFetcher.validate(url) { return failure.description }
        return nil
    }

    /// Words as newsboat splits a line: by spaces and tabs, `"…"` keeps
    /// spaces (with `\"` and `\\` inside), and an unquoted `#` starts a comment.
    static func tokenize(_ line: Substring) -> [String] {
        var tokens: [String] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == " " || character == "\t" {
                index = line.index(after: index)
                continue
            }
            if character == "#" { break }
            var token = ""
            if character == "\"" {
                index = line.index(after: index)
                while index < line.endIndex, line[index] != "\"" {
                    if line[index] == "\\", line.index(after: index) < line.endIndex {
                        index = line.index(after: index)
                        switch line[index] {
                        case "n": token.append("\n")
                        case "t": token.append("\t")
                        case let other: token.append(other)
                        }
                    } else {
                        token.append(line[index])
                    }
                    index = line.index(after: index)
                }
                if index < line.endIndex { index = line.index(after: index) }
            } else {
                while index < line.endIndex, line[index] != " ", line[index] != "\t" {
                    token.append(line[index])
                    index = line.index(after: index)
                }
            }
            tokens.append(token)
        }
        return tokens
    }
}
