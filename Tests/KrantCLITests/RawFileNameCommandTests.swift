import Foundation
import KrantTestSupport
import Testing

/// `krant import` of files whose names are not UTF-8, named on the command
/// line and found in a folder, through the real binary.
@Suite struct RawFileNameCommandTests {
    static func article(_ title: String) -> [UInt8] {
        Array("NOS Nieuws • 12 mei 2024, 08:15 \(title)\n\nHet kabinet trekt geld uit voor de dijken.\n".utf8)
    }

    /// Writes a file named by raw bytes (the test's Strings cannot hold them).
    func write(_ bytes: [UInt8], at path: [UInt8]) throws {
        let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == bytes.count)
    }

    @Test func namesThatAreNotUTF8AreImportedAndShownEscaped() throws {
        let krant = try KrantRunner()
        let folder = Array(krant.directory.path.utf8)
        // caf\xE9.txt named directly; map\xE9/ holding artikel\xFF.txt and an empty leeg\xE9.txt.
        try write(Self.article("Dijken"), at: folder + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8))
        let subfolder = folder + Array("/map".utf8) + [0xE9]
        #expect((subfolder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o700) } } == 0)
        try write(Self.article("Rivieren"), at: subfolder + Array("/artikel".utf8) + [0xFF] + Array(".txt".utf8))
        try write([], at: subfolder + Array("/leeg".utf8) + [0xE9] + Array(".txt".utf8))

        // The shell passes the bytes on: printf's octal escapes make them.
        let script = #"exec "$0" import "$(printf '%s/caf\351.txt' "$1")" "$(printf '%s/map\351' "$1")""#
        var environment = ProcessInfo.processInfo.environment
        environment["KRANT_DB"] = krant.databasePath
        environment["XDG_DATA_HOME"] = krant.directory.appendingPathComponent("xdg").path
        let output = try TestProcess(["/bin/sh", "-c", script, KrantRunner.executable.path, krant.directory.path],
                                     environment: environment).wait(timeout: KrantRunner.patience)
        #expect(output.stdout == "imported 2 new, 0 already present, 1 rejected\n")
        #expect(output.stderr == "krant: \(krant.directory.path)/map\\xE9/leeg\\xE9.txt: empty file\n")
        #expect(output.status == 1)
        let titles = try #require(try krant.json(["list", "--json"]) as? [[String: Any]]).compactMap { $0["title"] as? String }
        #expect(Set(titles) == ["Dijken", "Rivieren"])
    }
}
