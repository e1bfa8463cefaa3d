import Foundation

/// Runs a short-lived program (a tmux client command) to completion, with a
/// deadline, and returns its combined output.
///
/// Not `Foundation.Process`: its `waitUntilExit` waited for the tmux *server*
/// (which inherits the client's pipes), and the server inherited the test
/// runner's blocked signal mask, so `kill-server` did nothing and a test run
/// hung. Here the child gets an empty signal mask and default handlers, and
/// every inherited descriptor except stdin/stdout/stderr is closed.
enum ChildProcess {
    struct Output {
        var status: Int32
        var text: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], environment: [String: String],
                    timeout: Duration = .seconds(20)) throws(Failure) -> Output {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe: \(errnoText())") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // (pipe2 is hidden from Swift.) Keeps other tests' children from
        // inheriting this pipe.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        // Other tests' pipes (Foundation's are not close-on-exec) must not
        // leak into a long-lived tmux server, or their readers never see EOF.
        addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else {
            throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }

        // Poll for output and exit together: the pipe may stay open in a
        // grandchild (the tmux server) long after the client has exited.
        let deadline = ContinuousClock.now + timeout
        var output: [UInt8] = []
        var status: Int32 = 0
        while true {
            drain(readEnd, into: &output)
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw Failure(description: "waitpid: \(errnoText())") }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure(description: "\(arguments.joined(separator: " ")) took longer than \(timeout)")
            }
            var ready = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            _ = poll(&ready, 1, 10)
        }
        drain(readEnd, into: &output)
        return Output(status: exitStatus(status), text: String(decoding: output, as: UTF8.self))
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+) is declared
    /// only under _GNU_SOURCE, so Swift cannot see it: look it up.
    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            preconditionFailure("glibc 2.34 or later is needed to spawn tmux without leaking descriptors")
        }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, lowest)
    }

    private static func drain(_ fd: Int32, into output: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count > 0 { output += chunk[0..<count] } else if count < 0, errno == EINTR { continue } else { return }
        }
    }

    /// WIFEXITED and friends are macros Swift does not import; a death by
    /// signal is reported as a shell would, 128 + signal.
    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
