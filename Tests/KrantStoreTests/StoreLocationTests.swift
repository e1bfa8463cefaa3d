import Testing
import KrantStore

@Suite struct StoreLocationTests {
    let everything = ["KRANT_DB": "/env/krant.db", "XDG_DATA_HOME": "/xdg", "HOME": "/home/lezer"]

    /// Flag > environment > config file > default, as every setting of krant.
    @Test func theFlagWinsOverEverything() {
        #expect(StoreLocation.resolve(explicit: "/flag.db", environment: everything, configured: "/file.db") == "/flag.db")
    }

    @Test func krantDBComesNextThenTheConfigFile() {
        var environment = everything
        #expect(StoreLocation.resolve(explicit: nil, environment: environment, configured: "/file.db") == "/env/krant.db")
        #expect(StoreLocation.resolve(explicit: "", environment: environment, configured: "/file.db") == "/env/krant.db")
        environment["KRANT_DB"] = ""
        #expect(StoreLocation.resolve(explicit: nil, environment: environment, configured: "/file.db") == "/file.db")
        #expect(StoreLocation.resolve(explicit: nil, environment: environment, configured: "~/news.db")
                == "/home/lezer/news.db")
        environment["KRANT_DB"] = nil
        #expect(StoreLocation.resolve(explicit: nil, environment: environment, configured: "") == "/xdg/krant/krant.db")
    }

    @Test func xdgDataHomeComesNext() {
        let environment = ["XDG_DATA_HOME": "/xdg/", "HOME": "/home/lezer"]
        #expect(StoreLocation.resolve(explicit: nil, environment: environment) == "/xdg/krant/krant.db")
        #expect(StoreLocation.resolve(explicit: "", environment: environment) == "/xdg/krant/krant.db")
    }

    @Test func homeIsTheLastResort() {
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/lezer"])
                == "/home/lezer/.local/share/krant/krant.db")
        // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/h"])
                == "/h/.local/share/krant/krant.db")
    }
}
