import Foundation

/// A tmux server on a private socket with one session, "ui", running a
/// command in a pane of a fixed size: end-to-end tests type into it and read
/// the screen back as text.
///
/// The command runs as `sh -c 'trap : INT; COMMAND; echo "[exit=$?]"; sleep 30'`:
/// tmux can drop a pane's last output when its process exits, so the shell
/// prints the exit status and keeps the pane alive for `waitForExit`. The
/// trap keeps that shell alive through a Ctrl-C meant for the command (which
/// still gets SIGINT with its default action). COMMAND runs in that shell, so
/// `exit` in it would skip the status line: run a program.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How long a wait may take before it fails. Passing waits return as
    /// soon as the screen matches; the limit only bounds a failure, and on
    /// two busy cores (the rest of the suite runs alongside) 5 s was too short.
    static let patience: Duration = .seconds(20)

    let directory: URL
    var socket: String { directory.appendingPathComponent("tmux.sock").path }
    private let environment: [String: String]

    /// - environment: set in the pane, besides `LC_ALL=C.UTF-8` and the test
    ///   process's own environment (minus the variables named below); TERM
    ///   stays tmux's `tmux-256color`, so line drawing captures as text.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("krant-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var clientEnvironment = ProcessInfo.processInfo.environment
        // The server, and so the pane, inherits the client's environment.
        // TMUX would make the client talk to a developer's own tmux; `swift
        // test` sets NO_COLOR=1; COLUMNS/LINES would override the pane size
        // in ncurses; KRANT_CONFIG would bring a developer's own config
        // file. A test that wants them passes them in `environment`.
        for name in ["TMUX", "TMUX_PANE", "NO_COLOR", "COLUMNS", "LINES", "KRANT_CONFIG"] {
            clientEnvironment[name] = nil
        }
        self.environment = clientEnvironment

        var arguments = ["new-session", "-d", "-s", "ui", "-x", "\(width)", "-y", "\(height)",
                         "-e", "LC_ALL=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        arguments += ["sh", "-c", "trap : INT\n\(command)\necho \"[exit=$?]\"; sleep 30"]
        do {
            try tmux(arguments)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit {
        kill()
    }

    /// Stops the server (and the command in it) and removes the socket.
    func kill() {
        if FileManager.default.fileExists(atPath: socket) {
            _ = try? ChildProcess.run(["tmux", "-S", socket, "kill-server"], environment: environment)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Presses keys by tmux name: "Enter", "Space", "Escape", "Up", "C-c",
    /// "]" or "j" (a name tmux does not know is typed as text).
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "ui"] + keys)
    }

    /// Types `text` literally, even if it spells a key name ("Enter").
    func sendText(_ text: String) throws {
        try tmux(["send-keys", "-t", "ui", "-l", text])
    }

    /// The visible screen, one string per row, trailing blanks trimmed.
    func capture() throws -> [String] {
        var lines = try tmux(["capture-pane", "-p", "-t", "ui"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The visible screen with SGR escapes for attributes (reverse video is
    /// `ESC[7m`), for tests of styling.
    func captureWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "ui"])
    }

    /// Expands a tmux format for the pane, e.g. "#{cursor_x}" or
    /// "#{pane_dead}".
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "ui", format]).trimmingCharacters(in: .newlines)
    }

    /// Resizes the window; the command gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "ui", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen about every 20 ms until `predicate` holds and returns
    /// that screen; on timeout throws an error showing the last screen.
    @discardableResult
    func waitFor(timeout: Duration = TmuxSession.patience, _ predicate: ([String]) -> Bool) throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let screen = try capture()
            if predicate(screen) { return screen }
            if ContinuousClock.now >= deadline {
                throw Failure(description: "timed out after \(timeout) waiting for the screen; last screen:\n"
                    + Self.framed(screen))
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits until some row contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = TmuxSession.patience) throws -> [String] {
        try waitFor(timeout: timeout) { screen in screen.contains { $0.contains(text) } }
    }

    /// Waits for the command to exit and returns its exit status (128 + n
    /// when signal n killed it).
    func waitForExit(timeout: Duration = TmuxSession.patience) throws -> Int32 {
        let screen = try waitFor(timeout: timeout) { Self.exitStatus(in: $0) != nil }
        return Self.exitStatus(in: screen)!
    }

    static func exitStatus(in screen: [String]) -> Int32? {
        // Not necessarily at the start of a line: the tty echoes "^C" there.
        for line in screen.reversed() {
            guard let start = line.range(of: "[exit=", options: .backwards),
                  let end = line[start.upperBound...].firstIndex(of: "]") else { continue }
            return Int32(line[start.upperBound..<end])
        }
        return nil
    }

    /// The krant binary SwiftPM built next to the test binary (this target
    /// depends on it); `KRANT_EXECUTABLE` overrides. On Linux the test
    /// runner is an executable in the build folder, so no resource bundle is
    /// needed to find that folder.
    static var krantExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["KRANT_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return runner.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("krant")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = try ChildProcess.run(["tmux", "-S", socket, "-f", "/dev/null"] + arguments,
                                          environment: environment)
        guard output.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.text)")
        }
        return output.text
    }

    private static func framed(_ screen: [String]) -> String {
        screen.map { "|\($0)" }.joined(separator: "\n")
    }
}
