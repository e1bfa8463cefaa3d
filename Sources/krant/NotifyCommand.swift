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
        let count = results.reduce(0) { $0 + $1.newArticles }
        guard count > 0 else { return nil }
        let arguments = NotifyTemplate.arguments(command, count: count, titles: results.flatMap(\.newTitles))
        let program = arguments[0]
        let process = Process()
        // /usr/bin/env finds the program on PATH without a shell.
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? Array(arguments.dropFirst()) : arguments
        process.standardInput = FileHandle.nullDevice
        if quietOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        let name = Sanitizer.escapedForDisplay(program)
        do {
            try process.run()
        } catch {
            return "cannot run \(name): \(error.localizedDescription)"
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return "\(name) was killed by signal \(process.terminationStatus)"
        }
        switch process.terminationStatus {
        case 0: return nil
        // env's answer when the program is not on PATH.
        case 127 where !program.contains("/"): return "\(name) not found on PATH"
        case let status: return "\(name) exited with status \(status)"
        }
    }
}
