import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process of a test, whose output is read through pipes with
/// `poll()` and which is only ever waited on with a deadline: one hung
/// process must fail its test, with what it printed, not hang `swift test`.
///
/// Not `Foundation.Process`: its `waitUntilExit` and `readDataToEndOfFile`
/// have no limit, and a grandchild that inherits a pipe (a tmux server, a
/// background indexer) keeps `readDataToEndOfFile` waiting after the child
/// is gone. Here the child gets an empty signal mask and default handlers
/// (the test runner blocks some signals, and a mask is inherited), and every
/// descriptor except stdin/stdout/stderr is closed in it. It runs in a
/// session of its own, so it has no controlling terminal wherever the
/// tests run.
public final class TestProcess {
    public struct Output: Sendable {
        /// The exit status; a death by signal is reported as a shell would, 128 + signal.
        public var status: Int32
        public var stdout: String
        /// Empty when standard error was merged into `stdout`.
        public var stderr: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let pid: pid_t
    /// The arguments as one line, for failure messages.
    public let commandLine: String
    /// Read ends, -1 once they reached end of file.
    private var outRead: Int32
    private var errRead: Int32
    private var out: [UInt8] = []
    private var err: [UInt8] = []
    /// The raw wait status, once the child has been reaped.
    private var waitStatus: Int32?

    /// Starts `arguments[0]` (looked up in PATH unless it has a slash) with
    /// stdin from /dev/null; `mergingStandardError` sends stderr into the
    /// stdout pipe, so the two keep their order.
    public init(_ arguments: [String], environment: [String: String], mergingStandardError: Bool = false) throws(Failure) {
        commandLine = arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        let outPipe = try Self.pipe()
        let errPipe = try mergingStandardError ? nil : Self.pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe?.write ?? outPipe.write, 2)
        // Other tests' pipes (Foundation's are not close-on-exec) must not
        // leak into a long-lived grandchild, or their readers never see EOF.
        Self.addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        // A session of its own, without a controlling terminal: run from a
        // terminal, `swift test` would otherwise let krant open /dev/tty and
        // wait there for a password no test types (in CI there is none).
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | Self.newSession))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        // Only the child may hold the write ends, or end of file never comes.
        close(outPipe.write)
        if let errPipe { close(errPipe.write) }
        guard spawned == 0 else {
            close(outPipe.read)
            if let errPipe { close(errPipe.read) }
            throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        outRead = outPipe.read
        errRead = errPipe?.read ?? -1
    }

    /// glibc's POSIX_SPAWN_SETSID (spawn.h), which Swift does not import.
    private static let newSession: Int32 = 0x80

    deinit {
        // A test that failed before waiting must not leave its child running.
        if waitStatus == nil { kill() }
        for fd in [outRead, errRead] where fd >= 0 { close(fd) }
    }

    /// The exit status if the child has exited (reaping it), nil while it
    /// runs; reads what it has written so far either way.
    public func exitStatus() throws(Failure) -> Int32? {
        drain()
        if waitStatus == nil {
            var status: Int32 = 0
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid {
                waitStatus = status
            } else if waited < 0, errno != EINTR {
                throw Failure(description: "waitpid for \(commandLine): \(String(cString: strerror(errno)))")
            }
        }
        return waitStatus.map(Self.shellStatus)
    }

    /// What the child has written to stdout (and stderr when merged) so far.
    public var outputSoFar: Output {
        drain()
        return Output(status: waitStatus.map(Self.shellStatus) ?? -1,
                      stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Waits for the child to exit and returns its output. Past the deadline
    /// it is killed and the failure names the command and what it printed.
    ///
    /// Returns when the child exits, not at end of file: a grandchild (the
    /// tmux server) may hold the pipe long after. Whatever the child wrote
    /// is in the pipe by then and is read without blocking.
    public func wait(timeout: Duration) throws(Failure) -> Output {
        let deadline = ContinuousClock.now + timeout
        while try exitStatus() == nil {
            if ContinuousClock.now >= deadline {
                kill()
                let output = outputSoFar
                throw Failure(description: "\(commandLine) did not finish within \(timeout) and was killed;"
                              + " stdout: \(Self.tail(output.stdout)); stderr: \(Self.tail(output.stderr))")
            }
            awaitOutput(milliseconds: 10)
        }
        return outputSoFar
    }

    /// Sends SIGKILL and reaps the child (a no-op once it has been reaped).
    public func kill() {
        guard waitStatus == nil else { return }
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        waitStatus = status
        drain()
    }

    /// Sleeps until there is output to read or `milliseconds` have passed.
    private func awaitOutput(milliseconds: Int32) {
        var fds = [outRead, errRead].filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        _ = poll(&fds, nfds_t(fds.count), milliseconds)
    }

    /// Reads what is available without blocking; at most a few megabytes a
    /// call, so a child that writes without end cannot keep the caller here.
    private func drain() {
        Self.drain(&outRead, into: &out)
        Self.drain(&errRead, into: &err)
    }

    private static func drain(_ fd: inout Int32, into output: inout [UInt8]) {
        guard fd >= 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        for _ in 0..<64 {
            let count = read(fd, &chunk, chunk.count)
            if count > 0 {
                output += chunk[0..<count]
            } else if count == 0 {
                close(fd)
                fd = -1
                return
            } else if errno != EINTR {
                return  // EAGAIN: nothing more for now
            }
        }
    }

    /// A pipe whose ends are close-on-exec (pipe2 is hidden from Swift), so
    /// other tests' children do not inherit it, with a non-blocking read end.
    private static func pipe() throws(Failure) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return (fds[0], fds[1])
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+) is declared
    /// only under _GNU_SOURCE, so Swift cannot see it: look it up.
    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            preconditionFailure("glibc 2.34 or later is needed to spawn a child without leaking descriptors")
        }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, lowest)
    }

    /// WIFEXITED and friends are macros Swift does not import.
    private static func shellStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// The end of a long output is where a hung process says why.
    private static func tail(_ text: String) -> String {
        let shown = text.count > 4000 ? "…" + text.suffix(4000) : text
        return shown.isEmpty ? "(nothing)" : "\"\(shown)\""
    }
}
