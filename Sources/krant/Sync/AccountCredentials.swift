import KrantStore
import KrantSync

extension SyncCredentials {
    /// An account's token file and password source. A password that cannot
    /// be had ends the sync with `SyncFailure.needsPassword`; the reason is
    /// passed to `onPasswordFailure` (the command line prints it).
    static func forAccount(_ account: SyncAccount, storePath: String, passwords: PasswordSource,
                           onPasswordFailure: @escaping @Sendable (String) -> Void = { _ in }) -> SyncCredentials {
        let file = SyncTokenFile(storePath: storePath, account: account)
        return SyncCredentials(
            storedToken: { file.read() },
            saveToken: { try file.write($0) },
            password: {
                switch passwords.password(account: account.name, user: account.user, url: account.url) {
                case .success(let password): return password
                case .failure(let failure):
                    onPasswordFailure(failure.message)
                    return nil
                }
            })
    }
}
