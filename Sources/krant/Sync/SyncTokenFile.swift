import Foundation
import KrantStore

/// Where an account's auth token is kept: a file readable only by the user
/// (0600) in a folder only the user can enter (0700), beside the store
/// (`krant.db.tokens/account-1`), so each store has its own accounts. The
/// token is not the password; a server that stops taking it asks for the
/// password again.
struct SyncTokenFile: Sendable {
    let path: String

    init(storePath: String, account: SyncAccount) {
        path = storePath + ".tokens/account-\(account.id)"
    }

    var folder: String { (path as NSString).deletingLastPathComponent }

    func read() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// Writes the token to a new file created 0600 and renames it into
    /// place, so no reader ever sees it half-written or readable by others.
    func write(_ token: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder) {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
        }
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TokenFileError(path: temporary, code: errno) }
        let bytes = Array((token + "\n").utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw TokenFileError(path: path, code: code)
        }
    }

    func remove() {
        unlink(path)
        rmdir(folder)
    }
}

struct TokenFileError: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "\(path): \(String(cString: strerror(code)))" }
}
