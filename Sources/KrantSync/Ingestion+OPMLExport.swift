import Foundation
import KrantFeeds
import KrantStore

extension Ingestion {
    /// The subscriptions as OPML 2.0 (categories as folders), holding only
    /// what `importOPML` takes back: web feeds. A subscription to a feed
    /// file is left out, since an OPML import never reads local files (the
    /// OPML may be someone else's); each one left out is handed to
    /// `onLeftOut` with the reason and what to do instead, so a round trip
    /// never loses a subscription without saying so.
    public func exportOPML(onLeftOut: (_ url: String, _ reason: String) -> Void) throws -> String {
        let feeds: [FeedSubscription]
        do {
            feeds = try store.feeds()
        } catch {
            throw IngestionFailure(StoreError.reason(for: error))
        }
        var outlines: [OPMLOutline] = []
        for feed in feeds {
            if let reason = Self.reasonOPMLImportRefuses(feed.url) {
                onLeftOut(feed.url, reason)
            } else {
                outlines.append(OPMLOutline(title: feed.title, xmlURL: feed.url, category: feed.category))
            }
        }
        return OPML.export(outlines)
    }

    /// Why `importOPML` would refuse `url`, said for a subscription being
    /// exported; nil when it would take it.
    static func reasonOPMLImportRefuses(_ url: String) -> String? {
        guard case .failure(let failure) = FeedFetcher.validate(url) else { return nil }
        guard let path = FeedFileURL.path(of: url) else { return "\(failure), which an OPML import refuses" }
        return "a feed file, which an OPML import refuses; subscribe to it again with "
            + "`krant import \(shellQuoted(path))`"
    }

    /// A path that is not UTF-8 can only be typed in bash's `$'…'` quotes,
    /// where `\xE9` is the byte; in single quotes it would be four letters.
    static func shellQuoted(_ path: InputPath) -> String {
        if let text = path.string { return shellQuoted(text) }
        var quoted = "$'"
        for byte in path.bytes {
            switch byte {
            case UInt8(ascii: "'"): quoted += "\\'"
            case UInt8(ascii: "\\"): quoted += "\\\\"
            case 0x20..<0x7F: quoted.unicodeScalars.append(Unicode.Scalar(byte))
            default: quoted += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return quoted + "'"
    }

    /// A path as it is typed in a shell: in single quotes unless every
    /// character is one a shell takes as it is.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+,:@%".unicodeScalars.contains($0)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
