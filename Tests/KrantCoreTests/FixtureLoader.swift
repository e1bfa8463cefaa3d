import Foundation
import Testing

/// Reads a test fixture's bytes from the test bundle.
enum FixtureLoader {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil),
                               "missing fixture \(name)")
        return [UInt8](try Data(contentsOf: url))
    }
}
