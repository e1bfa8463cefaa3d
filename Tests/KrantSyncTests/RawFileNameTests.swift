import Foundation
import KrantCore
import KrantStore
@testable import KrantSync
import KrantTestSupport
import Testing

/// Files whose names are not UTF-8 (saved on a Latin-1 system): imported by
/// their bytes, named with the invalid bytes escaped, and read again by a
/// refresh when they are feed files.
@Suite final class RawFileNameTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("krant-raw-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `text` to a file named by `name`'s bytes inside the test's
    /// folder (made first when `inside` is given), without a String path.
    func write(_ text: String, named name: [UInt8], inside: [UInt8]? = nil) throws -> InputPath {
        var path = InputPath(folder)
        if let inside {
            path = path.appending(inside)
            #expect(path.withCString { mkdir($0, 0o700) } == 0 || errno == EEXIST)
        }
        path = path.appending(name)
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == bytes.count)
        return path
    }

    static func article(_ title: String) -> String {
        """
        NOS Nieuws • 12 mei 2024, 08:15 \(title)

        Het kabinet trekt geld uit voor de dijken langs de rivieren.
        """
    }

    /// "café" in Latin-1: 0xE9 alone is not UTF-8.
    static let latin1Cafe: [UInt8] = Array("caf".utf8) + [0xE9]

    @Test func aFileNamedInLatin1IsImportedByItsBytesAndNamedEscaped() throws {
        let path = try write(Self.article("Dijken"), named: Self.latin1Cafe + Array(".txt".utf8))
        let empty = try write("", named: Array("leeg".utf8) + [0xFF] + Array(".txt".utf8))
        #expect(path.string == nil)
        let store = try ArticleStore(path: folder + "/krant.db")
        var named: [String] = []
        let report = try Ingestion(store: store).importPaths([path, empty]) { path, reason in named.append("\(path): \(reason)") }
        #expect(report.inserted == 1)
        #expect(named == ["\(folder)/leeg\\xFF.txt: empty file"])
        let id = try #require(try store.headlines(HeadlineQuery(), limit: 1, offset: 0).first?.id)
        let article = try #require(try store.article(id: id))
        #expect(article.title == "Dijken")
        #expect(article.origin == .file(path: "\(folder)/caf\\xE9.txt"))
    }

    @Test func aFolderWithSuchNamesIsImportedAndItsFeedFileRefreshed() async throws {
        let folderName = Array("map".utf8) + [0xE9]
        _ = try write(Self.article("Dijken"), named: Self.latin1Cafe + Array(".txt".utf8), inside: folderName)
        let feedName = Array("binnenland".utf8) + [0xFF] + Array(".xml".utf8)
        _ = try write(SampleFeed.rss(items: [("a", "Eerste")]), named: feedName, inside: folderName)
        let store = try ArticleStore(path: folder + "/krant.db")
        let ingestion = Ingestion(store: store)
        let report = try ingestion.importPaths([InputPath(folder).appending(folderName)])
        #expect(report.rejected.map { "\($0.path): \($0.reason)" } == [])
        #expect(report.inserted == 2)
        // The subscription's URL carries the invalid byte percent-encoded.
        let feeds = try store.feeds()
        #expect(feeds.map(\.url) == ["file://\(folder)/map%E9/binnenland%FF.xml"])

        // A refresh opens the same file by its bytes: changed, it is read again.
        _ = try write(SampleFeed.rss(items: [("b", "Tweede"), ("a", "Eerste")]), named: feedName, inside: folderName)
        let results = await ingestion.refresh(feeds)
        #expect(results.map(\.failure) == [nil])
        #expect(results.map(\.newArticles) == [1])
    }

    @Test func pathsKeepTheirBytesThroughTheFeedFileURL() {
        let path = InputPath(bytes: Array("/tmp/a b/caf".utf8) + [0xE9, 0x25] + Array(".xml".utf8))
        let url = FeedFileURL.url(for: path)
        #expect(url == "file:///tmp/a%20b/caf%E9%25.xml")
        #expect(FeedFileURL.path(of: url) == path)
        #expect(path.description == "/tmp/a b/caf\\xE9%.xml")
        // Text paths keep Foundation's spelling, the one stores already hold.
        #expect(FeedFileURL.url(for: InputPath("/tmp/a b/nieuws.xml")) == "file:///tmp/a%20b/nieuws.xml")
        #expect(FeedFileURL.path(of: "file:///tmp/a%20b/nieuws.xml") == InputPath("/tmp/a b/nieuws.xml"))
        #expect(FeedFileURL.path(of: "https://nos.example/feed") == nil)
        #expect(InputPath(bytes: Array("map/./x/../caf".utf8) + [0xE9]).absolute.description
                == FileManager.default.currentDirectoryPath + "/map/caf\\xE9")
    }
}

/// The `krant import` an OPML export suggests for a left-out feed file must
/// name that file when pasted into a shell, whatever bytes its name has.
@Suite struct ShellQuotingTests {
    @Test func aNameThatIsNotUTF8IsQuotedSoBashGivesItsBytes() throws {
        let bytes = Array("/tmp/caf".utf8) + [0xE9] + Array(" it's\\.xml".utf8)
        let quoted = Ingestion.shellQuoted(InputPath(bytes: bytes))
        #expect(quoted == #"$'/tmp/caf\xE9 it\'s\\.xml'"#)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", "printf '%s' " + quoted]
        let output = Pipe()
        bash.standardOutput = output
        try bash.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        bash.waitUntilExit()
        #expect(Array(printed) == bytes)
    }

    /// Batches of text files stay under their byte budget, so two batches of
    /// 64 MB articles are never 500 of them.
    @Test func textBatchesAreBoundedByBytes() throws {
        let folder = NSTemporaryDirectory() + "krant-batches-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try (0..<6).map { index -> InputPath in
            let path = folder + "/\(index).txt"
            try Data(repeating: 0x61, count: 1000).write(to: URL(fileURLWithPath: path))
            return InputPath(path)
        }
        var ingestion = Ingestion(store: try ArticleStore(path: folder + "/krant.db"))
        ingestion.textBatchBytes = 2500
        #expect(ingestion.textBatches(paths).map(\.count) == [2, 2, 2])
        ingestion.textBatchBytes = 500
        #expect(ingestion.textBatches(paths).map(\.count) == [1, 1, 1, 1, 1, 1])
    }
}
