import ArgumentParser
import Foundation
import KrantConfig
import KrantCore
import KrantStore

/// `--db PATH` and `--config PATH`, shared by every command. Each wins over
/// its environment variable (`KRANT_DB`, `KRANT_CONFIG`), which wins over
/// the config file, which wins over the default.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The article store (default: KRANT_DB, then the config file's db, "
                                            + "then $XDG_DATA_HOME/krant/krant.db).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The config file (default: KRANT_CONFIG, then "
                                            + "$XDG_CONFIG_HOME/krant/config.toml).", valueName: "path"))
    var config: String?

    var configLocation: ConfigFileLocation {
        ConfigFileLocation(flag: config, environment: ProcessInfo.processInfo.environment)
    }

    /// The configuration in force; a bad file is a usage error (status 2)
    /// naming every problem with its line and column, before any work.
    /// Read once per process: `Krant.main` checks it, and a command asks
    /// again for each setting it uses (the store's path, ignore rules,
    /// retention, notify), which must not each read and parse the file.
    func configuration() throws -> Configuration {
        let location = configLocation
        return try LoadedConfiguration.shared.value(for: location) {
            do {
                return try ConfigLoader.load(location)
            } catch let error as ConfigFileError {
                throw UsageFailure(message: "config file \(error)")
            }
        }
    }

    var resolvedPath: String {
        get throws {
            StoreLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment,
                                  configured: try configuration().db)
        }
    }

    /// Opens the store for a command that changes it: a store this process
    /// cannot write is refused in one line before any work starts.
    func open() throws -> ArticleStore {
        try open(readOnlyAllowed: false)
    }

    /// Opens the store for a command that only reads it: a read-only store
    /// is opened as it is, and a note on standard error says so (standard
    /// output stays the command's answer, for scripts). One connection, so
    /// that reading an existing store writes nothing to it
    /// (`ArticleStore.Connections.single`).
    func openForReading() throws -> ArticleStore {
        let store = try open(readOnlyAllowed: true, connections: .single)
        if case .readOnly(let reason) = store.access {
            printError("krant: note: " + StoreError.readOnly(path: store.path, reason: reason).description)
        }
        return store
    }

    func open(readOnlyAllowed: Bool, connections: ArticleStore.Connections = .pool) throws -> ArticleStore {
        do {
            return try ArticleStore(path: try resolvedPath, readOnlyAllowed: readOnlyAllowed, connections: connections)
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

/// A command whose options include the store's and the config file's: the
/// config file is checked before it runs (`Krant.main`).
protocol StoreCommand: ParsableCommand {
    var store: StoreOptions { get }
}

/// A problem with how krant was started (no terminal, bad TERM, a bad
/// config file): exit status 2.
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
