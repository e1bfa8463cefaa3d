import Foundation
import Testing
import KrantFuzzing

/// Every input a fuzzer once failed on, replayed through its target: it must
/// return (a crash or a trap fails the whole run) and keep every promise.
@Suite struct RegressionReplayTests {
    struct SavedInput: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var file: URL
        var testDescription: String { "\(target.rawValue)/\(file.lastPathComponent)" }
    }

    static let folder = Bundle.module.url(forResource: "Regressions", withExtension: nil)

    static func folders() throws -> [URL] {
        let folder = try #require(Self.folder, "the Regressions folder is missing from the test bundle")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { try $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true }
    }

    static let savedInputs: [SavedInput] = (try? folders().flatMap { folder -> [SavedInput] in
        guard let target = FuzzTarget(rawValue: folder.lastPathComponent) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { SavedInput(target: target, file: $0) }
    }) ?? []

    @Test(arguments: savedInputs)
    func keepsItsTargetsPromises(_ input: SavedInput) throws {
        let bytes = [UInt8](try Data(contentsOf: input.file))
        let violations = input.target.run(bytes).violations
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// A folder under a name no target has would never be replayed.
    @Test func everyFolderIsNamedAfterATarget() throws {
        for folder in try Self.folders() {
            #expect(FuzzTarget(rawValue: folder.lastPathComponent) != nil,
                    "Regressions/\(folder.lastPathComponent) names no fuzz target (targets: \(FuzzTarget.names))")
        }
    }

    /// The replay must not pass by finding nothing to replay.
    @Test func thereAreInputsToReplay() {
        #expect(!Self.savedInputs.isEmpty)
    }
}
