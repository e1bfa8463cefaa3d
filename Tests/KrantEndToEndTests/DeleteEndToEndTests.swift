import Foundation
import KrantTestSupport
import Testing

/// `D` and its undo in the real reader, and retention after its fetch key.
@Suite(.serialized) struct DeleteEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader

    static let dijken = "Versterking van dijken loopt jaren acht"

    @Test func capitalDDeletesAndUUndoesUntilTheNextKey() throws {
        let reader = try Reader(width: 100, height: 30)
        try reader.waitForStatus("5 unread of 5")
        // The second headline is the dike article.
        try reader.session.sendKeys("j", "D")
        var screen = try reader.waitForStatus("— U to undo")
        #expect(screen.last?.contains("4 unread of 4") == true)
        #expect(screen.last?.contains("Deleted “\(Self.dijken)") == true)
        #expect(!screen.contains { $0.contains(Self.dijken) && !$0.contains("Deleted") })

        // Back in its place, the selection on it: Enter opens it.
        try reader.session.sendKeys("U")
        screen = try reader.waitForStatus("Restored")
        #expect(screen.last?.contains("5 unread of 5") == true)
        #expect(screen[1].contains(Self.dijken))
        try reader.session.sendKeys("Enter")
        screen = try reader.waitForStatus("4 unread of 5")
        #expect(screen.contains { $0.contains("Versterking van dijken loopt jaren achter door hogere kosten") && $0.hasPrefix("   ") })

        // Deleting the open article; another key, and undo is gone.
        try reader.session.sendKeys("D")
        try reader.waitForStatus("4 unread of 4")
        try reader.session.sendKeys("j", "U")
        try reader.waitForStatus("Nothing to undo")
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)

        #expect(try reader.cli(["list", "--count"]) == "4\n")
        #expect(try reader.cli(["list", "--search", "dijken", "--count"]) == "0\n")
        #expect(try reader.cli(["check"]).contains("ok"))
    }

    @Test func theFetchKeySaysWhatRetentionRemoved() throws {
        let items = Locked([(guid: "n1", title: "Eerste bericht"), (guid: "n2", title: "Tweede bericht")])
        let server = try FetchTestServer(routes: [
            "/binnenland.xml": { _ in .text(SampleFeed.rss(items: items.value)) },
        ])
        defer { server.stop() }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-retention-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml")
        try Data("[retention]\nmax_per_feed = 2\n".utf8).write(to: config)
        let reader = try Reader(environment: ["KRANT_CONFIG": config.path],
                                prefix: "\(TmuxSession.krantExecutable.path) feeds add \(server.url("/binnenland.xml")) >/dev/null && ")
        try reader.waitForStatus("2 unread of 2")
        items.value.append((guid: "n3", title: "Derde bericht"))
        try reader.session.sendKeys("R")
        let screen = try reader.waitForStatus("Fetched 1 feed: 1 new, 1 old article removed")
        #expect(screen.last?.contains("2 unread of 2") == true)
        #expect(!screen.contains { $0.contains("Eerste bericht") })
    }
}
