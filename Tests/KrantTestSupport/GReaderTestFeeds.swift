import Foundation

/// One item of a `GReaderTestFeed`. Every value is fixed (dates included), so
/// what a Google Reader server makes of it is the same on every run; links
/// point at example domains, not at the test server, so they carry no port.
public struct GReaderTestItem: Sendable, Equatable {
    public struct Enclosure: Sendable, Equatable {
        public var url: String
        public var type: String
        public var length: Int
    }

    public var guid: String
    public var title: String
    public var link: String
    /// Unix seconds.
    public var published: Int
    /// The item's `description`, HTML.
    public var html: String
    public var author: String?
    public var enclosure: Enclosure?

    public init(guid: String, title: String, link: String, published: Int, html: String,
                author: String? = nil, enclosure: Enclosure? = nil) {
        self.guid = guid
        self.title = title
        self.link = link
        self.published = published
        self.html = html
        self.author = author
        self.enclosure = enclosure
    }
}

/// A small RSS 2.0 feed written by us, for a Google Reader server (FreshRSS,
/// or `GReaderTestServer`) to subscribe to.
public struct GReaderTestFeed: Sendable, Equatable {
    /// The path it is served at, such as "/feeds/dagblad.xml".
    public var path: String
    public var title: String
    public var siteURL: String
    /// Newest first, as feeds list them.
    public var items: [GReaderTestItem]

    public init(path: String, title: String, siteURL: String, items: [GReaderTestItem]) {
        self.path = path
        self.title = title
        self.siteURL = siteURL
        self.items = items
    }

    public var rss: String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>\(Self.escape(title))</title><link>\(Self.escape(siteURL))</link><description>\(Self.escape(title))</description>

            """
        for item in items {
            xml += "<item><title>\(Self.escape(item.title))</title><link>\(Self.escape(item.link))</link>"
            xml += "<guid isPermaLink=\"false\">\(Self.escape(item.guid))</guid>"
            xml += "<pubDate>\(Self.rfc822(item.published))</pubDate>"
            if let author = item.author { xml += "<dc:creator>\(Self.escape(author))</dc:creator>" }
            if let enclosure = item.enclosure {
                xml += "<enclosure url=\"\(Self.escape(enclosure.url))\" length=\"\(enclosure.length)\" type=\"\(Self.escape(enclosure.type))\"/>"
            }
            xml += "<description>\(Self.escape(item.html))</description></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func rfc822(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// The feeds of the Google Reader sync tests, served over HTTP from the test
/// process. Three feeds (5, 3 and 1 items): Dutch and English news-like
/// items, one HTML body with a link, one item with an author and one with
/// an enclosure; `publish` adds items later, as news arrives.
public final class GReaderTestFeeds: @unchecked Sendable {
    /// 2026-11-20 07:00 UTC: every item's date counts back from here.
    public static let epoch = 1_795_158_000

    public static let dagblad = GReaderTestFeed(
        path: "/feeds/dagblad.xml", title: "Het Dagblad", siteURL: "https://dagblad.example/", items: [
            item("dagblad-5", "Gemeente opent café in oude bibliotheek", "https://dagblad.example/2026/cafe", hoursBack: 0,
                 "<p>Het nieuwe café in de oude bibliotheek opent zaterdag.</p>"),
            item("dagblad-4", "Fietspad langs de rivier eindelijk klaar", "https://dagblad.example/2026/fietspad", hoursBack: 1,
                 "<p>Na twee jaar werk is het fietspad klaar. Lees het <a href=\"https://dagblad.example/dossier/fietspad\">hele dossier</a>.</p>"),
            item("dagblad-3", "Storm verwacht in het weekend", "https://dagblad.example/2026/storm", hoursBack: 2,
                 "<p>Het weerbureau waarschuwt voor windstoten tot 100 km/u.</p>", author: "Annelies de Vries"),
            item("dagblad-2", "Markt verhuist naar het plein", "https://dagblad.example/2026/markt", hoursBack: 3,
                 "<p>Vanaf januari staat de markt op het plein.</p>"),
            item("dagblad-1", "Raad stemt in met nieuwe begroting", "https://dagblad.example/2026/begroting", hoursBack: 4,
                 "<p>De begroting is met ruime meerderheid aangenomen.</p>"),
        ])

    public static let techWeekly = GReaderTestFeed(
        path: "/feeds/tech.xml", title: "Tech Weekly", siteURL: "https://tech.example/", items: [
            item("tech-3", "Terminal apps are back", "https://tech.example/terminal-apps", hoursBack: 5,
                 "<p>Why text interfaces are having a moment.</p>"),
            item("tech-2", "A faster SQLite for small devices", "https://tech.example/sqlite", hoursBack: 6,
                 "<p>The new release halves start-up time.</p>"),
            item("tech-1", "Feeds outlive the platforms", "https://tech.example/feeds", hoursBack: 7,
                 "<p>RSS turns 27 and is still everywhere.</p>"),
        ])

    public static let podcast = GReaderTestFeed(
        path: "/feeds/podcast.xml", title: "De Podcast", siteURL: "https://podcast.example/", items: [
            item("podcast-1", "Aflevering 1: Het begin", "https://podcast.example/1", hoursBack: 8,
                 "<p>In de eerste aflevering praten we over nieuws.</p>",
                 enclosure: .init(url: "https://podcast.example/audio/1.mp3", type: "audio/mpeg", length: 12_345_678)),
        ])

    /// Two items that arrive in the Dagblad later (newest first), for "new items on the server".
    public static let laterDagbladItems = [
        item("dagblad-7", "Brug weer open na reparatie", "https://dagblad.example/2026/brug", hoursBack: -2,
             "<p>De brug is weer open voor alle verkeer.</p>"),
        item("dagblad-6", "Bibliotheek krijgt nieuwe plek", "https://dagblad.example/2026/bibliotheek", hoursBack: -1,
             "<p>De bibliotheek verhuist naar het station.</p>"),
    ]

    public static let all = [dagblad, techWeekly, podcast]

    /// Any item of these feeds, the later ones included, by guid.
    public static func item(guid: String) -> GReaderTestItem? {
        (all.flatMap(\.items) + laterDagbladItems).first { $0.guid == guid }
    }

    public let server: FetchTestServer
    private let store: FeedStore

    /// Serves `feeds` (by default `all`) at their paths on a new FetchTestServer.
    public init(_ feeds: [GReaderTestFeed] = GReaderTestFeeds.all) throws {
        let store = FeedStore(Dictionary(uniqueKeysWithValues: feeds.map { ($0.path, $0) }))
        server = try FetchTestServer(routes: [:]) { request in
            guard let feed = store.feed(request.path) else { return .text("no such feed", status: 404) }
            return .text(feed.rss, headers: [("Content-Type", "application/rss+xml; charset=UTF-8")])
        }
        self.store = store
    }

    public func url(_ feed: GReaderTestFeed) -> String { server.url(feed.path) }

    /// The feed as it is served now.
    public func feed(_ path: String) -> GReaderTestFeed? { store.feed(path) }

    /// Puts `items` (newest first) at the top of the feed at `path`.
    public func publish(_ items: [GReaderTestItem], to path: String) {
        store.publish(items, to: path)
    }

    public func stop() { server.stop() }

    private static func item(_ guid: String, _ title: String, _ link: String, hoursBack: Int, _ html: String,
                             author: String? = nil, enclosure: GReaderTestItem.Enclosure? = nil) -> GReaderTestItem {
        GReaderTestItem(guid: guid, title: title, link: link, published: epoch - hoursBack * 3600, html: html,
                        author: author, enclosure: enclosure)
    }

    /// The served feeds, shared with the server's route.
    private final class FeedStore: @unchecked Sendable {
        private let lock = NSLock()
        private var feeds: [String: GReaderTestFeed]

        init(_ feeds: [String: GReaderTestFeed]) { self.feeds = feeds }

        func feed(_ path: String) -> GReaderTestFeed? { lock.withLock { feeds[path] } }

        func publish(_ items: [GReaderTestItem], to path: String) {
            lock.withLock { feeds[path]?.items.insert(contentsOf: items, at: 0) }
        }
    }
}
