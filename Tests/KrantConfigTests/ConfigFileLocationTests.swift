import Foundation
import KrantConfig
import Testing

@Suite struct ConfigFileLocationTests {
    /// A relative `db` is beside the config file, wherever krant starts.
    @Test func aRelativeStoreIsBesideTheFile() throws {
        let folder = NSTemporaryDirectory() + "krant-config-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "db = \"nieuws/krant.db\"\n".write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
        let configuration = try ConfigLoader.load(ConfigFileLocation(path: folder + "/config.toml", isExplicit: true))
        #expect(configuration.db == URL(fileURLWithPath: folder + "/nieuws/krant.db").standardizedFileURL.path)
    }

    let everything = ["KRANT_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/lezer"]

    @Test func flagThenEnvironmentThenXDGThenHome() {
        #expect(ConfigFileLocation(flag: "/flag.toml", environment: everything) == .init(path: "/flag.toml", isExplicit: true))
        #expect(ConfigFileLocation(flag: nil, environment: everything) == .init(path: "/env.toml", isExplicit: true))
        var environment = everything
        environment["KRANT_CONFIG"] = ""
        #expect(ConfigFileLocation(flag: "", environment: environment)
                == .init(path: "/xdg/krant/config.toml", isExplicit: false))
        environment["XDG_CONFIG_HOME"] = "relative"
        #expect(ConfigFileLocation(flag: nil, environment: environment)
                == .init(path: "/home/lezer/.config/krant/config.toml", isExplicit: false))
    }

    @Test func aMissingDefaultFileIsTheDefaultsButANamedOneIsAnError() throws {
        let missing = "/nonexistent-\(UInt64.random(in: 0...UInt64.max))/config.toml"
        let configuration = try ConfigLoader.load(ConfigFileLocation(path: missing, isExplicit: false))
        #expect(configuration.location?.path == missing)
        #expect(throws: ConfigFileError(path: missing, reason: "no such file")) {
            try ConfigLoader.load(ConfigFileLocation(path: missing, isExplicit: true))
        }
        // /dev/null is the usual way to say "no config".
        #expect(try ConfigLoader.load(ConfigFileLocation(path: "/dev/null", isExplicit: true)).theme == .dark)
        #expect(throws: ConfigFileError(path: "/", reason: "is a folder, not a file")) {
            try ConfigLoader.load(ConfigFileLocation(path: "/", isExplicit: false))
        }
    }
}
