import KrantFeeds

/// Why a sync stopped.
public enum SyncFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case server(GoogleReaderError)
    /// The server wants a sign-in and no password could be had.
    case needsPassword
    /// The store could not be read or written.
    case store(String)

    /// The server could not be reached: reading goes on, marks wait.
    public var isOffline: Bool {
        if case .server(let error) = self { error.isOffline } else { false }
    }

    public var description: String {
        switch self {
        case .server(let error): error.description
        case .needsPassword:
            "the server wants the password again; run `krant sync` in a terminal, or set password_command in the config file"
        case .store(let reason): reason
        }
    }
}
