import Foundation
import KrantFeeds
import KrantStore

/// One sync's connection to the server: the client with its auth token,
/// signing in again once when the server refuses the token, and the action
/// token writes carry. Requests may run at the same time (the state lists
/// download while items are stored), so its state is behind a lock.
final class SyncSession: @unchecked Sendable {
    private let lock = NSLock()
    private var current: GoogleReaderClient
    private let account: SyncAccount
    private let credentials: SyncCredentials
    private var signedInNow = false
    private var actionToken: String?

    init(account: SyncAccount, url: URL, credentials: SyncCredentials, timeout: Duration) {
        self.account = account
        self.credentials = credentials
        current = GoogleReaderClient(url: url, authToken: credentials.storedToken())
        current.timeout = timeout
    }

    private var client: GoogleReaderClient { lock.withLock { current } }

    /// Runs `request`; a refused token leads to one new sign-in and one retry.
    func call<T>(_ request: (GoogleReaderClient) async throws(GoogleReaderError) -> T) async throws(SyncFailure) -> T {
        if client.authToken == nil { try await signIn() }
        do {
            return try await request(client)
        } catch .unauthorized where !lock.withLock({ signedInNow }) {
            try await signIn()
            do { return try await request(client) } catch { throw .server(error) }
        } catch {
            throw .server(error)
        }
    }

    /// Runs a write that carries `T`; a refused `T` is fetched anew once
    /// (servers other than FreshRSS let it expire), then the sign-in is retried.
    func write(_ request: (GoogleReaderClient, String) async throws(GoogleReaderError) -> Void) async throws(SyncFailure) {
        try await call { client throws(GoogleReaderError) in
            let token = try await self.token(client, fresh: false)
            do {
                try await request(client, token)
            } catch GoogleReaderError.unauthorized {
                try await request(client, try await self.token(client, fresh: true))
            } catch let error as GoogleReaderError {
                throw error
            } catch {
                throw GoogleReaderError.badResponse(endpoint: "edit", reason: "\(error)")
            }
        }
    }

    private func token(_ client: GoogleReaderClient, fresh: Bool) async throws(GoogleReaderError) -> String {
        if !fresh, let token = lock.withLock({ actionToken }) { return token }
        let token = try await client.actionToken()
        lock.withLock { actionToken = token }
        return token
    }

    private func signIn() async throws(SyncFailure) {
        guard let password = credentials.password() else { throw .needsPassword }
        do {
            let token = try await client.login(user: account.user, password: password)
            lock.withLock {
                current.authToken = token
                signedInNow = true
                actionToken = nil
            }
            do { try credentials.saveToken(token) } catch { throw SyncFailure.store("cannot save the sign-in token: \(error)") }
        } catch let failure as SyncFailure {
            throw failure
        } catch let error as GoogleReaderError {
            throw .server(error)
        } catch {
            throw .store("\(error)")
        }
    }
}
