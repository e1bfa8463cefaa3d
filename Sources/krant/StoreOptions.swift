import ArgumentParser
import Foundation
import KrantCore
import KrantStore

/// `--db PATH`, shared by every subcommand. `KRANT_DB` wins over it, so a
/// wrapper script or test can point every krant call at one store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The article store (default: $XDG_DATA_HOME/krant/krant.db; KRANT_DB overrides).",
                                            valueName: "path"))
    var db: String?

    var resolvedPath: String {
        StoreLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store for a command that changes it: a store this process
    /// cannot write is refused in one line before any work starts.
    func open() throws -> ArticleStore {
        try open(readOnlyAllowed: false)
    }

    /// Opens the store for a command that only reads it: a read-only store
    /// is opened as it is, and a note on standard error says so (standard
    /// output stays the command's answer, for scripts).
    func openForReading() throws -> ArticleStore {
        let store = try open(readOnlyAllowed: true)
        if case .readOnly(let reason) = store.access {
            printError("krant: note: " + StoreError.readOnly(path: store.path, reason: reason).description)
        }
        return store
    }

    func open(readOnlyAllowed: Bool) throws -> ArticleStore {
        do {
            return try ArticleStore(path: resolvedPath, readOnlyAllowed: readOnlyAllowed)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }
}

extension ArticleStore {
    /// Ends a command that went on past a failed write (an import or fetch
    /// reports each failed input and carries on) with the store's one line
    /// about its damage, once it was found.
    func failIfDamaged() throws {
        if let damage { throw CommandFailure(message: damage.description) }
    }
}

/// A failure the user can act on: printed as `krant: MESSAGE`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A problem with how krant was started (no terminal, bad TERM): exit status 2.
struct UsageFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Writes a line to standard error. Messages name files and URLs that came
/// from outside, so every control character is shown as an escape.
func printError(_ line: String) {
    writeError(Sanitizer.escapedForDisplay(line))
}

/// Writes text that is already safe to show, and a line break, to standard error.
func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
