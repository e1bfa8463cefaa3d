import Foundation
import KrantTestSupport
import Testing

/// Holds `GReaderTestServer` to FreshRSS 1.24.3: every request of the
/// recorded session (`GReaderRecorderTests`) is sent to the fake in order,
/// with the ids, continuations, seconds and tokens the fake itself gave in
/// earlier answers, and each answer must equal the recorded one after both
/// are normalised (`GReaderNormalizer`): same status, same Content-Type
/// (exactly, charset spelling included), same Google-Bad-Token header, and
/// the same body: JSON compared as values (key order and escaping aside,
/// trailing newline included), anything else as exact text.
@Suite struct GReaderReplayTests {
    @Test func theFakeServerAnswersAsTheRecordedFreshRSS() throws {
        let recording = try GReaderTranscriptEntry.freshRSSRecording()
        #expect(recording.filter { $0.kind == .exchange }.count >= 60)
        let fake = try GReaderTestServer()
        defer { fake.stop() }
        for feed in GReaderTestFeeds.all { fake.register(feed: feed) }
        let normalizer = GReaderNormalizer(serverBase: fake.baseURL, feedsBase: GReaderTestServer.defaultFeedsBase)
        for entry in recording {
            switch entry.kind {
            case .nextSecond:
                fake.advanceClock(seconds: 1)
            case .publish:
                let items = (entry.items ?? []).compactMap(GReaderTestFeeds.item(guid:))
                #expect(items.count == entry.items?.count, "\(entry.label): unknown guids")
                fake.publish(feedURL: GReaderTestServer.defaultFeedsBase + (entry.feed ?? ""), items: items)
            case .password:
                fake.changePassword(try #require(entry.password))
            case .exchange:
                try replay(entry, on: fake, normalizer)
            }
        }
    }

    private func replay(_ entry: GReaderTranscriptEntry, on fake: GReaderTestServer, _ normalizer: GReaderNormalizer) throws {
        let label = entry.label
        let query = try (entry.query ?? []).map { ($0[0], try normalizer.denormalize($0[1])) }
        let form = try entry.form.map { try $0.map { ($0[0], try normalizer.denormalize($0[1])) } }
        let authorization = try entry.authorization.map(normalizer.denormalize)
        // Normalised again so placeholders are numbered as when recording; a
        // derived value ({I2/1e6+1}) stays as it was written.
        for (sent, recorded) in zip(query + (form ?? []), (entry.query ?? []) + (entry.form ?? [])) where !recorded[1].contains("/1e6") {
            #expect(normalizer.normalize(sent.1) == recorded[1], "\(label): parameter \(sent.0)")
        }
        var headers: [(String, String)] = authorization.map { [("Authorization", $0)] } ?? []
        if form != nil { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        let queryString = query.isEmpty ? "" : "?" + String(decoding: TestHTTPClient.formBody(query), as: UTF8.self)
        let response = try TestHTTPClient.send(try #require(entry.method), fake.apiURL + (entry.path ?? "") + queryString,
                                               headers: headers, body: form.map(TestHTTPClient.formBody))
        #expect(response.status == entry.status, "\(label): status")
        #expect(response.header("Content-Type") == entry.contentType, "\(label): Content-Type")
        #expect(response.header("Google-Bad-Token") == entry.googleBadToken, "\(label): Google-Bad-Token")
        let body = normalizer.normalize(response.text)
        let expected = entry.body ?? ""
        if let expectedJSON = Self.json(expected) {
            let actualJSON = Self.json(body)
            #expect(actualJSON != nil && NSDictionary(dictionary: actualJSON!).isEqual(to: expectedJSON),
                    "\(label): body\n  fake:     \(body.prefix(1500))\n  recorded: \(expected.prefix(1500))")
            #expect(body.hasSuffix("\n") == expected.hasSuffix("\n"), "\(label): trailing newline")
        } else {
            #expect(body == expected, "\(label): body")
        }
    }

    private static func json(_ text: String) -> [String: Any]? {
        guard text.hasPrefix("{") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}
