import Foundation
import KrantConfig

/// The config file as this process read it, per location: a command runs
/// once, so the file it started with is the file it keeps.
final class LoadedConfiguration: @unchecked Sendable {
    static let shared = LoadedConfiguration()

    private let lock = NSLock()
    private var loaded: [ConfigFileLocation: Configuration] = [:]

    /// The configuration read from `location`, reading it with `load` the
    /// first time only. A failure is not kept: it stops the command anyway.
    func value(for location: ConfigFileLocation, load: () throws -> Configuration) throws -> Configuration {
        if let configuration = lock.withLock({ loaded[location] }) { return configuration }
        let configuration = try load()
        lock.withLock { loaded[location] = configuration }
        return configuration
    }
}
