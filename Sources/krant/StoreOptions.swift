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

    func open() throws -> ArticleStore {
        do {
            return try ArticleStore(path: resolvedPath)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
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
    FileHandle.standardError.write(Data((Sanitizer.escapedForDisplay(line) + "\n").utf8))
}
