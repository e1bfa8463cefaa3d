import Foundation
import KrantTestSupport
import Testing

/// What the replay does not reach: the fake server's test-side controls
/// (server-side changes, failure modes, password change, the request log)
/// and its speed with many items.
@Suite struct GReaderTestServerTests {
    /// Logs in and calls the fake the way a client would.
    struct Client {
        let server: GReaderTestServer
        var authorization = ""

        init(_ server: GReaderTestServer, password: String = "s3cret-api") throws {
            self.server = server
            let login = try TestHTTPClient.send("POST", server.apiURL + "/accounts/ClientLogin",
                                                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                body: TestHTTPClient.formBody([("Email", server.user), ("Passwd", password)]))
            try #require(login.status == 200, "\(login.text)")
            authorization = "GoogleLogin auth=" + (try #require(login.text.split(separator: "\n").first { $0.hasPrefix("Auth=") }).dropFirst(5))
        }

        func get(_ path: String, _ query: [(String, String)] = []) throws -> TestHTTPResponse {
            let suffix = query.isEmpty ? "" : "?" + String(decoding: TestHTTPClient.formBody(query), as: UTF8.self)
            return try TestHTTPClient.send("GET", server.apiURL + "/reader/api/0" + path + suffix,
                                           headers: [("Authorization", authorization)])
        }

        func post(_ path: String, _ form: [(String, String)]) throws -> TestHTTPResponse {
            try TestHTTPClient.send("POST", server.apiURL + "/reader/api/0" + path,
                                    headers: [("Authorization", authorization), ("Content-Type", "application/x-www-form-urlencoded")],
                                    body: TestHTTPClient.formBody(form))
        }

        func json(_ path: String, _ query: [(String, String)] = []) throws -> [String: Any] {
            let response = try get(path, query)
            return try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any], "\(response.status) \(response.text)")
        }

        func ids(_ query: [(String, String)]) throws -> [String] {
            (try json("/stream/items/ids", query + [("output", "json")])["itemRefs"] as? [[String: String]] ?? []).compactMap { $0["id"] }
        }
    }

    static let readingList = "user/-/state/com.google/reading-list"

    @Test func tenThousandItemsArePagedInThousandsWellUnderASecond() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        let started = ContinuousClock.now
        server.seed(feedURL: "http://feeds.krant.test/big.xml", count: 10_000)
        let seeded = ContinuousClock.now - started
        let client = try Client(server)
        let pagingStarted = ContinuousClock.now
        var continuation: String?
        var ids: [String] = []
        var pages = 0
        var serving = Duration.zero
        repeat {
            let requested = ContinuousClock.now
            let response = try client.get("/stream/contents/" + Self.readingList,
                                          [("n", "1000"), ("output", "json")] + (continuation.map { [("c", $0)] } ?? []))
            serving += ContinuousClock.now - requested
            let page = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
            pages += 1
            let items = page["items"] as? [[String: Any]] ?? []
            ids += items.compactMap { $0["id"] as? String }
            continuation = page["continuation"] as? String
            if items.isEmpty { break }
        } while continuation != nil
        let paging = ContinuousClock.now - pagingStarted
        #expect(ids.count == 10_000)
        #expect(Set(ids).count == 10_000)
        #expect(pages == 11, "the last full page has a continuation; the page after it is empty")
        #expect(serving < .seconds(1), "serving the pages took \(serving)")
        #expect(paging < .seconds(3), "paging and parsing took \(paging)")
        #expect(seeded < .seconds(1), "seeding took \(seeded)")
        print("GReaderTestServer: seeded 10,000 items in \(seeded), served them in \(pages) pages of n=1000 in \(serving) (\(paging) with parsing)")
    }

    @Test func serverSideChangesShowThroughTheAPI() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        let dagblad = server.register(feed: GReaderTestFeeds.dagblad)
        let tech = server.register(feed: GReaderTestFeeds.techWeekly)
        let dagbladID = server.subscribe(url: dagblad, folder: "Nieuws")
        let techID = server.subscribe(url: tech, title: "Techniek")
        #expect(dagbladID == "feed/1" && techID == "feed/2")
        #expect(server.subscribe(url: dagblad) == "feed/1", "subscribing again gives the same stream")
        #expect(server.items.count == 8)
        #expect(server.items.map(\.id) == server.items.map(\.id).sorted())
        let client = try Client(server)

        server.rename(streamID: techID, title: "Tech!")
        server.move(streamID: techID, folder: "Tech")
        let list = try client.json("/subscription/list", [("output", "json")])["subscriptions"] as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["title"] as? String } == ["Het Dagblad", "Tech!"])
        #expect(server.subscriptions.map(\.folder) == ["Nieuws", "Tech"])

        let newest = try #require(server.items.last)
        server.setRead(itemID: newest.id, true)
        server.setStarred(itemID: newest.id, true)
        #expect(try client.ids([("s", Self.readingList), ("it", "user/-/state/com.google/read")]) == [String(newest.id)])
        #expect(try client.ids([("s", "user/-/state/com.google/starred")]) == [String(newest.id)])

        server.advanceClock(seconds: 2)
        let before = server.items.count
        server.publish(feedURL: dagblad, items: GReaderTestFeeds.laterDagbladItems)
        let arrived = server.items.dropFirst(before)
        #expect(arrived.map(\.title) == ["Bibliotheek krijgt nieuwe plek", "Brug weer open na reparatie"])
        #expect(arrived.map(\.id) == [arrived.first!.id, arrived.first!.id + 1], "one refresh gets consecutive ids")
        let since = try client.ids([("s", Self.readingList), ("ot", String(newest.id / 1_000_000 + 1))])
        #expect(since == arrived.reversed().map { String($0.id) })

        // Both id forms, mixed, in edit-tag.
        let longForm = "tag:google.com,2005:reader/item/" + String(format: "%016llx", arrived.first!.id)
        #expect(try client.post("/edit-tag", [("T", "x"), ("i", longForm), ("i", String(arrived.last!.id)),
                                              ("a", "user/-/state/com.google/read")]).text == "OK")
        #expect(server.items.suffix(2).allSatisfy { $0.isRead })

        server.unsubscribe(streamID: dagbladID)
        #expect(server.subscriptions.map(\.streamID) == ["feed/2"])
        #expect(Set(server.items.map(\.feedStreamID)) == ["feed/2"])
    }

    @Test func requestsAreLoggedWithRepeatedFormFields() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        let client = try Client(server)
        _ = try client.post("/edit-tag", [("T", "x"), ("i", "1"), ("i", "2"), ("a", "user/-/state/com.google/read")])
        _ = try client.get("/stream/items/ids", [("s", Self.readingList), ("n", "5")])
        let requests = server.requests
        #expect(requests.map(\.path) == ["/accounts/ClientLogin", "/reader/api/0/edit-tag", "/reader/api/0/stream/items/ids"])
        #expect(requests[1].method == "POST")
        #expect(requests[1].form.map(\.name) == ["T", "i", "i", "a"])
        #expect(requests[1].form.filter { $0.name == "i" }.map(\.value) == ["1", "2"])
        #expect(requests[2].query.map(\.value) == [Self.readingList, "5"])
        #expect(requests[2].authorization == client.authorization)
    }

    @Test func aChangedPasswordTurnsOldTokensAway() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        let client = try Client(server)
        #expect(try client.get("/token").status == 200)
        server.changePassword("nieuw")
        let refused = try client.get("/token")
        #expect(refused.status == 401)
        #expect(refused.header("Google-Bad-Token") == "true")
        let oldLogin = try TestHTTPClient.send("POST", server.apiURL + "/accounts/ClientLogin",
                                               headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                               body: TestHTTPClient.formBody([("Email", "alice"), ("Passwd", "s3cret-api")]))
        #expect(oldLogin.status == 401)
        #expect(try Client(server, password: "nieuw").get("/token").status == 200)
    }

    @Test func failureModes() throws {
        let server = try GReaderTestServer()
        defer { server.stop() }
        let feed = server.register(feed: GReaderTestFeeds.dagblad)
        server.subscribe(url: feed)
        let client = try Client(server)

        server.truncateNextStreamContents()
        let broken = try client.get("/stream/contents/" + Self.readingList, [("output", "json")])
        #expect(broken.status == 200)
        #expect((try? JSONSerialization.jsonObject(with: broken.body)) == nil, "a truncated page is not JSON")
        #expect((try client.json("/stream/contents/" + Self.readingList)["items"] as? [Any])?.count == 5, "only the next page is broken")

        server.mode = .status(503)
        #expect(try client.get("/token").status == 503)
        server.mode = .refuseConnections
        #expect(throws: TestHTTPClient.Failure.self) { try client.get("/token") }
        server.mode = .normal
        #expect(try client.get("/token").status == 200)
    }
}
