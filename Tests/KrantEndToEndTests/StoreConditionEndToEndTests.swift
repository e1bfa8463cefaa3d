import Foundation
import KrantCore
import KrantStore
import KrantTestSupport
import Testing

/// The reader on a store it may not write, and on a damaged one: it shows
/// what it can and says why it cannot do more, in the status bar.
extension ReaderEndToEndTests {
    /// A folder of its own with a store of `count` articles titled "Bericht
    /// N", published in an order that mixes the ids (so every screen holds
    /// articles from many pages of the table).
    static func storeFolder(articles count: Int) throws -> (folder: URL, path: String) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("krant-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("krant.db").path
        let store = try ArticleStore(path: path)
        _ = try store.insert((1...count).map { number in
            let minute = number * 7_919 % count
            let published = PublishedDate(year: 2024, month: 6, day: 1 + minute / 1_440, hour: minute / 60 % 24,
                                          minute: minute % 60)
            return (Article(source: "NOS", title: "Bericht \(number)", published: published,
                            blocks: [.paragraph("Een zeehond, nummer \(number).")]), "e2e-\(number)")
        })
        return (folder, path)
    }

    @Test func aReadOnlyStoreIsShownAndSaysSo() throws {
        let (folder, path) = try Self.storeFolder(articles: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let protection = try WriteProtection(folder.path)
        defer { protection.lift() }
        let reader = try Reader(width: 100, height: 24, environment: ["KRANT_DB": path])
        let screen = try reader.waitForStatus("3 unread of 3 · read-only")
        #expect(screen.contains { $0.contains("Bericht 2") })
        // A mark cannot be saved, and the reader says why.
        try reader.session.sendKeys("r")
        try reader.waitForStatus("Mark not saved (the store \(path) is")
        try reader.session.sendKeys("q")
        #expect(try reader.session.waitForExit() == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["krant.db"])
    }

    /// Garbage over one page of the articles table: the reader lists the
    /// articles it can read, marks the others as unreadable in their
    /// places, and says the store is damaged, apart from the counts.
    @Test func aDamagedStoreIsSaidAndWhatCanBeReadIsShown() throws {
        let (folder, path) = try Self.storeFolder(articles: 600)
        defer { try? FileManager.default.removeItem(at: folder) }
        let leaves = try StorePages.leaves(of: "articles", in: path)
        #expect(leaves.count >= 4)
        try StorePages.overwrite([leaves[leaves.count / 2]], of: path)

        let reader = try Reader(width: 100, height: 30, environment: ["KRANT_DB": path])
        let screen = try reader.waitForStatus("600 unread of 600 store damaged: \(path) (database disk image is")
        #expect(screen.contains { $0.contains("(this article cannot be read: the store is damaged)") })
        // An article that can be read still opens.
        let row = try #require(screen.firstIndex { $0.contains("Bericht ") })
        let number = try #require(screen[row].split(separator: " ").last)
        for _ in 0..<row { try reader.session.sendKeys("j") }
        try reader.session.sendKeys("Enter")
        try reader.session.waitFor(text: "Een zeehond, nummer \(number).")
        try reader.session.sendKeys("q", "q")
        #expect(try reader.session.waitForExit() == 0)
    }
}
