import Foundation
import KrantTestSupport
import Testing

/// The sync scenarios of issue 13, through the real binary, against any
/// `SyncServerUnderTest`: the fake in every run, a real FreshRSS when
/// there is one. Each step says what it checks when it fails.
struct SyncScenario: ~Copyable {
    let server: any SyncServerUnderTest
    let krant: KrantRunner
    /// The config file's password_command prints this file.
    let passwordFile: String

    init(_ server: any SyncServerUnderTest) throws {
        let runner = try KrantRunner()
        let directory = runner.directory
        let passwordFile = directory.appendingPathComponent("password").path
        let config = directory.appendingPathComponent("config/krant")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "password_command = [\"cat\", \"\(passwordFile)\"]\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        self.server = server
        self.passwordFile = passwordFile
        krant = runner
    }

    func setPassword(_ password: String) throws {
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func run(_ arguments: [String], status: Int32 = 0, _ step: String) throws -> KrantRunner.Output {
        let output = try krant.run(arguments)
        #expect(output.status == status, "\(step): krant \(arguments.joined(separator: " ")) → \(output.status)\n\(output.stdout)\(output.stderr)")
        return output
    }

    /// krant's articles by title: id, read, starred.
    func articles() throws -> [String: (id: Int, read: Bool, starred: Bool)] {
        let rows = try #require(try krant.json(["list", "--json"]) as? [[String: Any]])
        var byTitle: [String: (Int, Bool, Bool)] = [:]
        for row in rows {
            byTitle[row["title"] as? String ?? ""] = (row["id"] as? Int ?? 0, row["read"] as? Bool ?? false,
                                                      row["starred"] as? Bool ?? false)
        }
        return byTitle
    }

    /// krant's feeds by URL: id, title, category, article count.
    func feeds() throws -> [String: (id: Int, title: String?, category: String?, articles: Int)] {
        let rows = try #require(try krant.json(["feeds", "list", "--json"]) as? [[String: Any]])
        var byURL: [String: (Int, String?, String?, Int)] = [:]
        for row in rows {
            byURL[row["url"] as? String ?? ""] = (row["id"] as? Int ?? 0, row["title"] as? String,
                                                  row["category"] as? String, row["articles"] as? Int ?? 0)
        }
        return byURL
    }

    func runAll() throws {
        let dagblad = GReaderTestFeeds.dagblad, tech = GReaderTestFeeds.techWeekly, podcast = GReaderTestFeeds.podcast
        // Another device subscribed to the Dagblad, in a folder.
        try server.subscribe(dagblad, folder: "Nieuws")

        // A wrong password is refused and nothing is added.
        try setPassword("wrong-password")
        let refused = try run(["sync", "add", server.apiURL, "--user", server.user], status: 1, "wrong password")
        #expect(refused.stderr.contains("refused the user name or password"), "\(refused.stderr)")
        #expect(try run(["sync", "list"], "no account after a refusal").stdout.isEmpty)

        // Adding signs in; the token file is the user's alone; no password anywhere.
        try setPassword(server.password)
        let added = try run(["sync", "add", server.apiURL, "--user", server.user, "--name", "home"], "add")
        #expect(added.stdout.hasPrefix("added home: \(server.user) at \(server.apiURL)"), "\(added.stdout)")
        let tokenFile = krant.databasePath + ".tokens/account-1"
        let fileMode = try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: krant.databasePath + ".tokens")[.posixPermissions] as? Int
        #expect(fileMode == 0o600 && folderMode == 0o700)
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8)
        #expect(!token.contains(server.password))
        #expect(try Data(contentsOf: URL(fileURLWithPath: krant.databasePath)).range(of: Data(server.password.utf8)) == nil)

        // The first sync brings the subscription, its folder and its items.
        let first = try run(["sync"], "first sync")
        #expect(first.stdout.contains("home: sent nothing; received 5 new articles"), "\(first.stdout)")
        var feeds = try self.feeds()
        #expect(feeds[server.url(of: dagblad)]?.category == "Nieuws")
        #expect(feeds[server.url(of: dagblad)]?.articles == 5)
        // Its feeds are the server's: `krant fetch` leaves them alone.
        #expect(try run(["fetch"], "fetch skips synced feeds").stdout.hasPrefix("0 feeds, 0 new articles"))

        // Marks made in krant reach the server.
        var articles = try self.articles()
        let storm = "Storm verwacht in het weekend", markt = "Markt verhuist naar het plein"
        let cafe = "Gemeente opent café in oude bibliotheek", fietspad = "Fietspad langs de rivier eindelijk klaar"
        try run(["mark", String(articles[storm]!.id), "--read"], "mark read")
        try run(["star", String(articles[markt]!.id)], "star")
        #expect(try run(["sync", "list"], "waiting").stdout.contains("2 marks waiting"))
        let sent = try run(["sync"], "send marks")
        #expect(sent.stdout.contains("sent 2 marks"), "\(sent.stdout)")
        #expect(try server.state(ofItemTitled: storm)! == (true, false))
        #expect(try server.state(ofItemTitled: markt)! == (false, true))

        // Marks made on the server reach krant.
        try server.mark(itemTitled: cafe, read: true, starred: nil)
        try server.mark(itemTitled: markt, read: nil, starred: false)
        let pulled = try run(["sync"], "pull marks")
        #expect(pulled.stdout.contains("1 read change, 1 star change"), "\(pulled.stdout)")
        articles = try self.articles()
        #expect(articles[cafe]!.read && !articles[markt]!.starred)

        // Offline: marks wait in the store, and go when the server is back.
        try server.goOffline()
        try run(["mark", String(articles[fietspad]!.id), "--read"], "mark offline")
        try run(["star", String(articles[storm]!.id)], "star offline")
        let offline = try run(["sync"], status: 1, "sync offline")
        #expect(offline.stderr.contains("server unreachable"), "\(offline.stderr)")
        let waiting = try run(["sync", "list"], "list offline").stdout
        #expect(waiting.contains("(offline)") && waiting.contains("2 marks waiting"), "\(waiting)")
        try server.comeBack()
        let back = try run(["sync"], "back online")
        #expect(back.stdout.contains("sent 2 marks"), "\(back.stdout)")
        #expect(try server.state(ofItemTitled: fietspad)! == (true, false))
        #expect(try server.state(ofItemTitled: storm)! == (true, true))
        #expect(!(try run(["sync", "list"], "nothing waiting").stdout.contains("(offline)")))

        // Subscribing in krant subscribes on the server, in the folder given.
        let subscribed = try run(["feeds", "add", server.url(of: tech), "--category", "Tech"], "subscribe in krant")
        #expect(subscribed.stdout.contains("received 3 new articles"), "\(subscribed.stdout)")
        #expect(try server.subscriptions()[server.url(of: tech)]?.folder == "Tech")
        // Renaming and moving it in krant do so on the server.
        try run(["feeds", "rename", server.url(of: tech), "Tech Wekelijks"], "rename")
        try run(["feeds", "move", server.url(of: tech), "Werk"], "move")
        let techOnServer = try server.subscriptions()[server.url(of: tech)]
        #expect(techOnServer?.title == "Tech Wekelijks" && techOnServer?.folder == "Werk")
        // Subscribing on the server reaches krant.
        try server.subscribe(podcast, folder: nil)
        let podcastSync = try run(["sync"], "subscribed on the server")
        #expect(podcastSync.stdout.contains("received 1 new article, 1 feed added"), "\(podcastSync.stdout)")
        feeds = try self.feeds()
        #expect(feeds[server.url(of: podcast)]?.articles == 1)
        #expect(feeds[server.url(of: tech)]?.category == "Werk")

        // Unsubscribing both ways.
        try run(["feeds", "remove", server.url(of: tech)], "unsubscribe in krant")
        #expect(try server.subscriptions()[server.url(of: tech)] == nil)
        try server.unsubscribe(podcast)
        let gone = try run(["sync"], "unsubscribed on the server")
        #expect(gone.stdout.contains("1 feed removed"), "\(gone.stdout)")
        feeds = try self.feeds()
        #expect(Set(feeds.keys) == [server.url(of: dagblad)])

        // New items on the server come in the next sync, and only they.
        try server.publish(GReaderTestFeeds.laterDagbladItems, to: dagblad)
        let later = try run(["sync"], "new items")
        #expect(later.stdout.contains("received 2 new articles"), "\(later.stdout)")
        #expect(try self.articles().count == 7)
        #expect(try run(["sync"], "nothing new").stdout.contains("received 0 new articles"))

        // A changed password: the stored token is refused, and the password
        // command's new answer signs in again.
        try server.changePassword("a-new-password")
        try setPassword("a-new-password")
        try run(["sync"], "signed in again")
        // A password the server refuses stops the sync with that reason.
        try server.changePassword("yet-another-password")
        let stale = try run(["sync"], status: 1, "stale password")
        #expect(stale.stderr.contains("refused the user name or password"), "\(stale.stderr)")
    }
}
