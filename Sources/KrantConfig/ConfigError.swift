/// What is wrong with a config file, and where: printed as
/// `FILE:LINE:COLUMN: message`, the form editors jump to.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// Every problem of a file, in the order they appear in it; the reader and
/// every command refuse to start while there is one.
public struct ConfigErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// A config file that cannot be read at all (missing when named, unreadable).
public struct ConfigFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
