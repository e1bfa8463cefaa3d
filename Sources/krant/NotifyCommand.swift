import Foundation
import KrantCore
import KrantSync

/// The config file's `notify`: a command run after a fetch that brought new
/// articles (in the reader, by the fetch key or by itself, and `krant
/// fetch`), as an argument list without a shell; `NotifyTemplate` says
/// what its arguments get. It is waited for, so a failure can be said in
/// one line; it never stops the fetch's work.
struct NotifyCommand: Sendable {
    let command: [String]

    init?(configured: [String]?) {
        guard let configured, !configured.isEmpty else { return nil }
        command = configured
    }

    /// Runs the command when `results` brought new articles; returns why it
    /// failed (in English, the command line's language), or nil.
    ///
    /// `quietOutput`: in the reader the command's output would land on the
    /// screen, so it goes to /dev/null; `krant fetch` lets it through.
    func run(after results: [FeedSyncResult], quietOutput: Bool) -> String? {
        run(count: results.reduce(0) { $0 + $1.newArticles }, titles: results.flatMap(\.newTitles),
            quietOutput: quietOutput)
    }

    /// The same for `count` new articles of which `titles` are known (a
    /// sync's articles count, but their titles are not gathered).
    func run(count: Int, titles: [String], quietOutput: Bool) -> String? {
        guard count > 0 else { return nil }
        let arguments = NotifyTemplate.arguments(command, count: count, titles: titles)
        let program = arguments[0]
        let name = Sanitizer.escapedForDisplay(program)
        guard let executable = Self.resolve(program) else { return "\(name) not found on PATH" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.standardInput = FileHandle.nullDevice
        if quietOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            return "cannot run \(name): \(error.localizedDescription)"
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return "\(name) was killed by signal \(process.terminationStatus)"
        }
        let status = process.terminationStatus
        return status == 0 ? nil : "\(name) exited with status \(status)"
    }

    /// A name with a slash is a path; any other is looked up on PATH, as a
    /// shell would, but here, so "not found" is krant's one line.
    static func resolve(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if program.contains("/") { return program }
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
        for folder in folders {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
