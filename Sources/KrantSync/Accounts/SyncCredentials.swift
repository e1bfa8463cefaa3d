/// Where a sync gets the account's auth token and, when the server wants a
/// new sign-in, its password. The password is asked for only then, used for
/// one sign-in, and never kept.
public struct SyncCredentials: Sendable {
    /// The token saved by the last sign-in, if any.
    public var storedToken: @Sendable () -> String?
    /// Keeps the token a sign-in returned.
    public var saveToken: @Sendable (String) throws -> Void
    /// The password, or nil when none can be had (no terminal and no
    /// `password_command`): then a refused token ends the sync with a
    /// message saying how to sign in again.
    public var password: @Sendable () -> String?

    public init(storedToken: @escaping @Sendable () -> String?, saveToken: @escaping @Sendable (String) throws -> Void,
                password: @escaping @Sendable () -> String?) {
        self.storedToken = storedToken
        self.saveToken = saveToken
        self.password = password
    }
}
