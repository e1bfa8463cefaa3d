import Foundation
import KrantTestSupport
import Testing

/// Tests of the harness that runs krant, with plain shell commands: a hung
/// child fails its test with what it printed, and a grandchild holding the
/// pipe does not hold up the wait.
@Suite struct TestProcessTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test func aChildPastItsDeadlineIsKilledAndItsOutputReported() throws {
        let process = try TestProcess(["/bin/sh", "-c", "echo half done; echo stuck >&2; exec sleep 600"],
                                      environment: Self.environment)
        // Waits for the output first, so the deadline below cannot come
        // before the shell has printed, however slow the machine.
        let deadline = ContinuousClock.now + KrantRunner.patience
        while !(process.outputSoFar.stdout.contains("half done") && process.outputSoFar.stderr.contains("stuck")) {
            try #require(ContinuousClock.now < deadline, "no output: \(process.outputSoFar)")
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(try process.exitStatus() == nil)
        do throws(TestProcess.Failure) {
            _ = try process.wait(timeout: .zero)
            Issue.record("sleep 600 finished")
        } catch {
            #expect(error.description.hasPrefix("/bin/sh -c 'echo half done; echo stuck >&2; exec sleep 600' did not finish"))
            #expect(error.description.contains("stdout: \"half done\n\""))
            #expect(error.description.contains("stderr: \"stuck\n\""))
        }
        // Killed and reaped: the pid names no process of ours any more.
        #expect(try process.exitStatus() == 128 + SIGKILL)
        let alive = kill(process.pid, 0)
        let reason = errno
        #expect(alive == -1 && reason == ESRCH)
    }

    @Test func aGrandchildHoldingThePipeDoesNotHoldUpTheWait() throws {
        // The background sleep inherits stdout and keeps it open for 120 s.
        let process = try TestProcess(["/bin/sh", "-c", "sleep 120 & echo $!"], environment: Self.environment)
        let output = try process.wait(timeout: KrantRunner.patience)
        let grandchild = try #require(pid_t(output.stdout.trimmingCharacters(in: .newlines)))
        defer { kill(grandchild, SIGKILL) }
        #expect(output.status == 0)
        #expect(kill(grandchild, 0) == 0, "the grandchild still runs, holding the pipe")
    }

    @Test func exitStatusesAreReportedAsAShellDoes() throws {
        let failed = try TestProcess(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], environment: Self.environment)
        let output = try failed.wait(timeout: KrantRunner.patience)
        #expect(output.status == 3)
        #expect(output.stdout == "out\n")
        #expect(output.stderr == "err\n")
        let merged = try TestProcess(["/bin/sh", "-c", "echo out; echo err >&2"], environment: Self.environment,
                                     mergingStandardError: true)
        #expect(try merged.wait(timeout: KrantRunner.patience).stdout == "out\nerr\n")
        let killed = try TestProcess(["/bin/sh", "-c", "kill -TERM $$"], environment: Self.environment)
        #expect(try killed.wait(timeout: KrantRunner.patience).status == 128 + SIGTERM)
    }
}
