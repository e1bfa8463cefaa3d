import Foundation
import Testing

/// Tests of the harness itself, with plain shell commands instead of krant.
@Suite(.timeLimit(.minutes(1)))
struct TmuxSessionTests {
    @Test func capturesWideCharactersAndTypedText() throws {
        let session = try TmuxSession(command: #"printf 'héllo 日本 😀|\n'; read x; echo "got $x""#)
        let screen = try session.waitFor(text: "héllo")
        #expect(screen[0] == "héllo 日本 😀|")
        try session.sendText("abc")
        try session.sendKeys("Enter")
        try session.waitFor(text: "got abc")
        #expect(try session.waitForExit() == 0)
    }

    @Test func wideCharactersTakeTwoColumns() throws {
        // capture-pane shows no column boundaries, so ask for the cursor:
        // after "日本" it is at column 4.
        let session = try TmuxSession(command: #"printf '日本'; read x"#, width: 20, height: 5)
        try session.waitFor(text: "日本")
        let cursor = try session.display("#{cursor_x}")
        #expect(cursor == "4")
    }

    @Test func reportsExitStatus() throws {
        let session = try TmuxSession(command: "sh -c 'exit 3'")
        #expect(try session.waitForExit() == 3)
    }

    @Test func controlCReachesTheCommandNotTheWrapper() throws {
        let session = try TmuxSession(command: "echo started; sleep 20")
        try session.waitFor(text: "started")
        try session.sendKeys("C-c")
        #expect(try session.waitForExit() == 130)
    }

    @Test func passesEnvironmentAndKeepsTmuxTerm() throws {
        let session = try TmuxSession(command: #"echo "v=$KRANT_TEST_VALUE t=$TERM l=$LC_ALL n=${NO_COLOR-unset}""#,
                                      environment: ["KRANT_TEST_VALUE": "x y"])
        try session.waitFor(text: "v=x y t=tmux-256color l=C.UTF-8 n=unset")
    }

    @Test func resizeReachesTheCommand() throws {
        let session = try TmuxSession(command: #"tput cols; read x; tput cols; tput lines; read y"#,
                                      width: 80, height: 24)
        try session.waitFor { $0.first == "80" }
        try session.resize(width: 100, height: 30)
        try session.sendKeys("Enter")
        // Both lines, or the check would race the second tput.
        let screen = try session.waitFor { $0.contains("100") && $0.contains("30") }
        #expect(screen.prefix(4) == ["80", "", "100", "30"])
    }

    @Test func attributesShowAsEscapes() throws {
        let session = try TmuxSession(command: #"printf 'a\033[7mreversed\033[0m b\n'; read x"#)
        try session.waitFor(text: "reversed")
        let styled = try session.captureWithAttributes()
        #expect(styled.contains("\u{1B}[7mreversed"))
    }

    @Test func timeoutErrorShowsTheScreen() throws {
        let session = try TmuxSession(command: "echo visible-marker; read x")
        try session.waitFor(text: "visible-marker")
        do {
            try session.waitFor(timeout: .milliseconds(100)) { $0.contains("never") }
            Issue.record("waitFor should have timed out")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("timed out"))
            #expect(message.contains("|visible-marker"))
        }
    }

    /// A `kill-server` that did nothing once left servers behind while the
    /// socket folder went away; the processes themselves must be gone.
    @Test func killStopsTheServerAndRemovesTheSocket() throws {
        let session = try TmuxSession(command: "read x")
        #expect(FileManager.default.fileExists(atPath: session.socket))
        let server = try #require(pid_t(try session.display("#{pid}")))
        let shell = try #require(pid_t(try session.display("#{pane_pid}")))
        #expect(!Self.isGone(server) && !Self.isGone(shell))
        session.kill()
        #expect(!FileManager.default.fileExists(atPath: session.directory.path))
        let deadline = ContinuousClock.now + TmuxSession.patience
        while !(Self.isGone(server) && Self.isGone(shell)) && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(Self.isGone(server), "tmux server \(server) still runs")
        #expect(Self.isGone(shell), "the pane's shell \(shell) still runs")
    }

    /// No such process, or a zombie: an orphan that exited but that nobody
    /// reaps (in a container without an init that does).
    static func isGone(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test func krantExecutableIsInTheBuildFolder() {
        let url = TmuxSession.krantExecutable
        #expect(url.lastPathComponent == "krant")
        #expect(FileManager.default.isExecutableFile(atPath: url.path), "\(url.path)")
    }
}
