import Foundation
import KrantTestSupport

/// Runs a short-lived program (a tmux client command) to completion, with a
/// deadline, and returns its combined output.
///
/// Not `Foundation.Process`: its `waitUntilExit` waited for the tmux *server*
/// (which inherits the client's pipes), and the server inherited the test
/// runner's blocked signal mask, so `kill-server` did nothing and a test run
/// hung. `TestProcess` spawns with posix_spawn: the child gets an empty
/// signal mask and default handlers, and every inherited descriptor except
/// stdin/stdout/stderr is closed. It polls for output and exit together,
/// because the pipe may stay open in a grandchild (the tmux server) long
/// after the client has exited, and kills the client at the deadline.
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
        do throws(TestProcess.Failure) {
            let process = try TestProcess(arguments, environment: environment, mergingStandardError: true)
            let output = try process.wait(timeout: timeout)
            return Output(status: output.status, text: output.stdout)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
