@testable import KrantConfig
import Testing

/// `player = [...]`: the command enclosures open with, read and printed
/// like `browser`.
@Suite struct PlayerSettingTests {
    @Test func playerIsAnArgumentList() throws {
        #expect(try ConfigLoader.parse("", path: "c.toml").player == nil)
        let configuration = try ConfigLoader.parse("player = [\"mpv\", \"--no-video\", \"%u\"]", path: "c.toml")
        #expect(configuration.player == ["mpv", "--no-video", "%u"])
    }

    @Test func aBadPlayerIsAnErrorAtItsLine() {
        #expect(configErrors("mouse = true\nplayer = \"mpv %u\"")
                == ["c.toml:2:1: player must be a list of strings such as [\"a\", \"b\"], not the string 'mpv %u'"])
        #expect(configErrors("player = []") == ["c.toml:1:1: player must name a program: [\"mpv\", \"%u\"]"])
        #expect(configErrors("playr = [\"mpv\"]") == ["c.toml:1:1: unknown setting 'playr'; did you mean 'player'?"])
    }

    @Test func printedPlayerReadsBackTheSame() throws {
        let unset = ConfigPrinter.text(Configuration(), environment: [:], storePath: "/s/krant.db")
        #expect(unset.contains("\n# player = [\"mpv\", \"%u\"]\n"), "unset stays a comment")
        #expect(try ConfigLoader.parse(unset, path: "p.toml").player == nil)
        var configuration = Configuration()
        configuration.player = ["/opt/my player/play", "--title=\"x\"", "%u"]
        let text = ConfigPrinter.text(configuration, environment: [:], storePath: "/s/krant.db")
        #expect(try ConfigLoader.parse(text, path: "p.toml").player == configuration.player)
    }
}
