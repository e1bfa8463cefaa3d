import Foundation
import GRDB

/// Whether this process may write a store, and how SQLite is to open one it
/// may only read.
///
/// Decided from the file system before SQLite opens anything: SQLite quietly
/// opens a file it cannot write read-only, and only the first write then
/// fails ("attempt to write a readonly database"), after an import has read
/// and parsed everything. A store in WAL mode also needs its folder: every
/// writer creates `-wal` and `-shm` files beside it.
public enum StoreAccess: Equatable, Sendable {
    case readWrite
    /// `reason` says what cannot be written: the file or its folder.
    case readOnly(reason: String)

    /// The access to the store at `path`; a store that does not exist yet is
    /// `readWrite` (creating it fails on its own when its folder is read-only).
    ///
    /// `access(2)` rather than the mode bits: it answers for this process
    /// (its user, groups, a read-only mount, and `chattr +i`, which stops
    /// even root, to whom mode bits do not apply).
    public static func of(path: String) -> StoreAccess {
        guard FileManager.default.fileExists(atPath: path) else { return .readWrite }
        if access(path, W_OK) != 0 { return .readOnly(reason: "the file cannot be written") }
        if access(folder(of: path), W_OK) != 0 { return .readOnly(reason: "its folder cannot be written") }
        return .readWrite
    }

    /// Opens `path` for reading only, never creating or changing a file when
    /// it can be helped.
    ///
    /// SQLite reads a WAL store through its `-shm` file, which it must be
    /// able to create when it is missing: then a read-only connection works
    /// with full locking and sees what other processes commit. In a
    /// read-only folder without an `-shm` (the store was closed cleanly, or
    /// it lies on read-only media) no connection can be made that way, and
    /// SQLite is told the file is `immutable`: it then reads the main file
    /// without locks. That is safe because a missing `-wal` means no process
    /// has the store open for writing; one that starts writing later (a user
    /// who may write the folder) is not seen until the store is opened again.
    ///
    /// `preferSnapshot` asks for `immutable` whenever there is no `-wal`,
    /// even where the `-shm` could be created, so nothing is created beside
    /// the store (`krant check` and `krant repair` on a damaged store, which
    /// is kept exactly as it is).
    static func openReadOnly(path: String, configuration: Configuration,
                             preferSnapshot: Bool = false) throws -> DatabasePool {
        var configuration = configuration
        configuration.readonly = true
        let fileManager = FileManager.default
        let log = fileManager.fileExists(atPath: path + "-wal")
        let canLock = log || (!preferSnapshot
            && (fileManager.fileExists(atPath: path + "-shm") || access(folder(of: path), W_OK) == 0))
        if canLock {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
                // A `-wal` without its `-shm` in a read-only folder: only the
                // main file can be read.
            }
        }
        return try DatabasePool(path: immutableURI(path), configuration: configuration)
    }

    /// An SQLite URI for `path` with `immutable=1`. SQLite reads URIs in
    /// `sqlite3_open_v2` without `SQLITE_OPEN_URI` when it is built with
    /// `SQLITE_USE_URI`, as Debian's and Ubuntu's libsqlite3 are (GRDB has
    /// no way to pass the flag); `StoreAccessTests` would fail without it.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var encoded = ""
        for scalar in absolute.unicodeScalars {
            // Only these have a meaning in the path of an SQLite URI.
            switch scalar {
            case "%", "?", "#": encoded += String(format: "%%%02X", scalar.value)
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
