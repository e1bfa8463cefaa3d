import KrantConfig
import Testing

@Suite struct ConfigFileLocationTests {
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
        #expect(throws: ConfigFileError(path: "/", reason: "is a folder, not a file")) {
            try ConfigLoader.load(ConfigFileLocation(path: "/", isExplicit: false))
        }
    }
}
