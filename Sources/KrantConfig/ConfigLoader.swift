import Foundation
import KrantCore
import TOMLKit

/// Reads a config file into a `Configuration`, or says everything that is
/// wrong with it: TOML syntax (with TOMLKit's position), unknown names (with
/// the nearest valid one), values of the wrong kind or out of range, key
/// conflicts. Nothing is half-applied: one error and no setting is used.
public enum ConfigLoader {
    public static func load(_ location: ConfigFileLocation) throws -> Configuration {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory)
        if !exists, !location.isExplicit {
            var configuration = Configuration()
            configuration.location = location
            return configuration
        }
        guard exists else { throw ConfigFileError(path: location.path, reason: "no such file") }
        guard !isDirectory.boolValue else { throw ConfigFileError(path: location.path, reason: "is a folder, not a file") }
        // Read as a stream, so /dev/null (no config) and a pipe work too.
        guard let handle = FileHandle(forReadingAtPath: location.path),
              let data = try? handle.readToEnd() ?? Data() else {
            throw ConfigFileError(path: location.path, reason: "cannot be read")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(path: location.path, reason: "is not UTF-8 text")
        }
        var configuration = try parse(source, path: location.path)
        configuration.location = location
        // A relative store path is relative to the config file, not to
        // wherever krant happens to be started.
        if let db = configuration.db, !db.hasPrefix("/"), !db.hasPrefix("~/") {
            configuration.db = URL(fileURLWithPath: location.path).deletingLastPathComponent()
                .appendingPathComponent(db).standardizedFileURL.path
        }
        return configuration
    }

    public static func parse(_ source: String, path: String) throws(ConfigErrors) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ConfigErrors(errors: [ConfigError(path: path, line: error.source.begin.line,
                                                    column: error.source.begin.column, message: error.description)])
        } catch {
            throw ConfigErrors(errors: [ConfigError(path: path, line: 1, column: 1, message: "\(error)")])
        }
        var reader = ConfigReader(path: path, locator: TOMLKeyLocator(source: source))
        let configuration = reader.configuration(from: table)
        guard reader.errors.isEmpty else { throw ConfigErrors(errors: reader.sortedErrors) }
        return configuration
    }
}
