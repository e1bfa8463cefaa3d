import KrantConfig
import KrantCore
import Testing

/// `refresh_minutes`, `notify` and `set_title`.
@Suite struct RefreshSettingsTests {

    @Test func defaultsAreOffNothingAndATitle() throws {
        let configuration = try ConfigLoader.parse("", path: "c.toml")
        #expect(configuration.refreshMinutes == nil)
        #expect(configuration.notify == nil)
        #expect(configuration.setTitle)
        #expect(configuration.readerSettings(environment: [:]).refreshSeconds == nil)
    }

    @Test func minutesWholeOrFractionAndZeroIsOff() throws {
        #expect(try ConfigLoader.parse("refresh_minutes = 15", path: "c.toml").readerSettings(environment: [:])
                .refreshSeconds == 900)
        #expect(try ConfigLoader.parse("refresh_minutes = 0.5", path: "c.toml").refreshMinutes == 0.5)
        #expect(try ConfigLoader.parse("refresh_minutes = 0.05", path: "c.toml").refreshMinutes == 0.05)
        #expect(try ConfigLoader.parse("refresh_minutes = 0", path: "c.toml").refreshMinutes == nil)
        let configuration = try ConfigLoader.parse("""
            notify = ["notify-send", "krant", "%n new: %t"]
            set_title = false
            """, path: "c.toml")
        #expect(configuration.notify == ["notify-send", "krant", "%n new: %t"])
        #expect(!configuration.setTitle)
    }

    @Test func wrongValuesAreSaidWithTheirPlace() {
        #expect(configErrors("refresh_minutes = 0.01")
                == ["c.toml:1:1: refresh_minutes must be 0 (off) or between 0.05 and 10080 (a week), not 0.01"])
        #expect(configErrors("refresh_minutes = -5")
                == ["c.toml:1:1: refresh_minutes must be 0 (off) or between 0.05 and 10080 (a week), not -5.0"])
        #expect(configErrors("mouse = true\nrefresh_minutes = \"15\"")
                == ["c.toml:2:1: refresh_minutes must be a number of minutes such as 15 or 0.5, not the string '15'"])
        #expect(configErrors("notify = []") == ["c.toml:1:1: notify must name a program: [\"notify-send\", \"krant\", \"%n new: %t\"]"])
        #expect(configErrors("notify = \"notify-send\"")
                == ["c.toml:1:1: notify must be a list of strings such as [\"a\", \"b\"], not the string 'notify-send'"])
        #expect(configErrors("set_title = 1") == ["c.toml:1:1: set_title must be true or false, not the number 1"])
        #expect(configErrors("refresh_minute = 5") == ["c.toml:1:1: unknown setting 'refresh_minute'; did you mean 'refresh_minutes'?"])
    }

    @Test func printedSettingsReadBackTheSame() throws {
        let changed = try ConfigLoader.parse("""
            refresh_minutes = 0.25
            notify = ["/usr/bin/notify-send", "-a", "krant", "%n: %t"]
            set_title = false
            """, path: "c.toml")
        for configuration in [Configuration(), changed] {
            let text = ConfigPrinter.text(configuration, environment: [:], storePath: "/s/krant.db")
            let again = try ConfigLoader.parse(text, path: "printed.toml")
            #expect(again.refreshMinutes == configuration.refreshMinutes)
            #expect(again.notify == configuration.notify)
            #expect(again.setTitle == configuration.setTitle)
        }
        let text = ConfigPrinter.text(Configuration(), environment: [:], storePath: "/s/krant.db")
        #expect(text.contains("\n# refresh_minutes = 0\n"))
        #expect(text.contains("\n# notify = [\"notify-send\", \"krant\", \"%n new: %t\"]\n"))
        #expect(text.contains("\nset_title = true\n"))
        #expect(ConfigPrinter.text(changed, environment: [:], storePath: "/s/krant.db").contains("\nrefresh_minutes = 0.25\n"))
    }
}
