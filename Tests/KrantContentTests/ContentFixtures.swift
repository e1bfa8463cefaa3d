import Foundation
import Testing

/// Reads a content layer fixture from the test bundle.
enum ContentFixtures {
    static func text(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil),
                               "missing fixture \(name)")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
