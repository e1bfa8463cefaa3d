import Foundation
import KrantCore
import TOMLKit

/// Reads a config file into a `Configuration`, or says everything that is
/// wrong with it: TOML syntax (with TOMLKit's position), unknown names (with
/// the nearest valid one), values of the wrong kind or out of range, key
/// conflicts. Nothing is half-applied: one error and no setting is used.
public enum ConfigLoader {
    public static func load(_ location: ConfigFileLocation) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: location.path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory)
            if !exists, !location.isExplicit {
                var configuration = Configuration()
                configuration.location = location
                return configuration
            }
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a folder, not a file" : "cannot be read"
            throw ConfigFileError(path: location.path, reason: reason)
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(path: location.path, reason: "is not UTF-8 text")
        }
        var configuration = try parse(source, path: location.path)
        configuration.location = location
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
