import Foundation
import KrantCore
import KrantStore

/// Where an account's password comes from when the server asks for it: the
/// config file's `password_command` (an argument list, %a the account's
/// name, %u the user; its first line of output), else the terminal, asked
/// with echo off. Never an argument, never stored, never logged.
struct PasswordSource: Sendable {
    let command: [String]?
    /// Whether krant may ask on the terminal (not inside the reader's screen).
    let mayAsk: Bool

    /// The password, or nil with the reason when none could be had.
    func password(account: String, user: String, url: String) -> Result<String, PasswordFailure> {
        if let command, !command.isEmpty { return run(command, account: account, user: user) }
        guard mayAsk else { return .failure(PasswordFailure(message: "no terminal to ask for the password on")) }
        let host = URL(string: url)?.host ?? url
        return Self.ask("Password for \(user) at \(host): ")
    }

    private func run(_ command: [String], account: String, user: String) -> Result<String, PasswordFailure> {
        let arguments = command.map {
            $0.replacingOccurrences(of: "%a", with: account).replacingOccurrences(of: "%u", with: user)
        }
        let name = Sanitizer.escapedForDisplay(arguments[0])
        guard let executable = NotifyCommand.resolve(arguments[0]) else {
            return .failure(PasswordFailure(message: "password_command: \(name) not found on PATH"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        // Its error output is captured, not let through: in the reader it
        // would land on the screen. Said in one line when it fails.
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(PasswordFailure(message: "password_command: cannot run \(name): \(error.localizedDescription)"))
        }
        let collected = CollectedOutput(output, errors)
        // A command that waits for a terminal it does not have (a pinentry)
        // must not hang the sync.
        let deadline = Date().addingTimeInterval(Self.timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return .failure(PasswordFailure(message: "password_command: \(name) gave no password within \(Int(Self.timeout)) s"))
        }
        let (data, errorText) = collected.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = Sanitizer.cleanLine(String(decoding: errorText.prefix(300), as: UTF8.self))
            return .failure(PasswordFailure(message: "password_command: \(name) exited with status \(process.terminationStatus)"
                                            + (said.isEmpty ? "" : ": " + said)))
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else { return .failure(PasswordFailure(message: "password_command: \(name) printed no password")) }
        return .success(password)
    }

    /// How long `password_command` may take.
    static let timeout: TimeInterval = 60

    /// Asks on /dev/tty with echo off, as ssh and sudo do, so the password
    /// shows nowhere and works even when standard input is a pipe.
    static func ask(_ prompt: String) -> Result<String, PasswordFailure> {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return .failure(PasswordFailure(message: "no terminal to ask for the password on")) }
        defer { close(tty) }
        var saved = termios()
        let canHideEcho = tcgetattr(tty, &saved) == 0
        if canHideEcho {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer { if canHideEcho { tcsetattr(tty, TCSAFLUSH, &saved) } }
        _ = prompt.utf8CString.withUnsafeBufferPointer { write(tty, $0.baseAddress, $0.count - 1) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            if byte != UInt8(ascii: "\r") { bytes.append(byte) }
        }
        let password = String(decoding: bytes, as: UTF8.self)
        guard !password.isEmpty else { return .failure(PasswordFailure(message: "no password given")) }
        return .success(password)
    }
}

struct PasswordFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A child's standard output and error, read to the end on threads of
/// their own so neither pipe fills and stops the child.
private final class CollectedOutput: @unchecked Sendable {
    private let group = DispatchGroup()
    private var output = Data()
    private var errors = Data()

    init(_ output: Pipe, _ errors: Pipe) {
        DispatchQueue.global().async(group: group) { self.output = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { self.errors = errors.fileHandleForReading.readDataToEndOfFile() }
    }

    func wait() -> (output: Data, errors: Data) {
        group.wait()
        return (output, errors)
    }
}
