import Foundation
import KrantTestSupport
import Testing

/// A sync account in the real reader in tmux: `R` syncs, a mark made while
/// the server is down waits in the store and the status bar says so, and
/// the next `R` sends it.
@Suite(.serialized) struct SyncEndToEndTests {
    typealias Reader = ReaderEndToEndTests.Reader
    typealias ConfigFile = ConfigEndToEndTests.ConfigFile

    @Test func marksMadeOfflineWaitAndGoWithTheNextRefresh() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        server.subscribe(url: server.register(feed: GReaderTestFeeds.dagblad), folder: "Nieuws")
        let config = try ConfigFile("password_command = [\"printf\", \"%s\", \"s3cret-api\"]\n")
        let binary = TmuxSession.krantExecutable.path
        let reader = try Reader(width: 120, environment: ["KRANT_CONFIG": config.path],
                                prefix: "\(binary) sync add \(server.apiURL) --user \(server.user) --name home >/dev/null && "
                                    + "\(binary) sync >/dev/null && ")
        try reader.waitForStatus("5 unread of 5")
        server.mode = .refuseConnections
        try reader.session.sendKeys("r")
        try reader.waitForStatus("4 unread of 5")
        try reader.session.sendKeys("R")
        let offline = try reader.waitForStatus("offline: 1 mark waiting")
        #expect(offline.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("Sync with home failed") == true,
                "\(offline.joined(separator: "\n"))")
        #expect(server.items.allSatisfy { !$0.isRead })
        server.mode = .normal
        try reader.session.sendKeys("R")
        try reader.session.waitFor { screen in
            let status = screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            return status.contains("4 unread of 5") && !status.contains("offline")
        }
        #expect(server.items.count { $0.isRead } == 1)
        // A mark made on the server comes with the next refresh.
        let other = try #require(server.items.first { !$0.isRead })
        server.setRead(itemID: other.id, true)
        try reader.session.sendKeys("R")
        try reader.waitForStatus("3 unread of 5")
    }
}
