import Foundation
import KrantStore

/// The pipeline's last step: the search index catches up with what was
/// stored. A small backlog is indexed at once; a large one by
/// `krant index --background`, a process of its own, so a large import
/// returns as soon as its articles are stored and the search index catches
/// up after it, the way `git gc --auto` detaches.
///
/// A running indexer holds an exclusive `flock` on `STORE-index.lock` for
/// its whole life (taken by the process that starts it, before it starts,
/// and inherited): another start sees it and does not start a second one,
/// and `krant index` waits on it, so when it returns no indexer is still
/// writing to the store.
public enum SearchIndexer {
    /// glibc's `POSIX_SPAWN_SETSID` (spawn.h), which Swift does not import:
    /// the indexer gets a session of its own, so closing the terminal or a
    /// Ctrl-C meant for the next command does not stop it.
    private static let setSessionFlag: Int16 = 0x80

    /// What catching up came to.
    public enum Outcome: Sendable, Equatable {
        /// Indexed in this process; the count may be 0.
        case indexed(Int)
        /// Left to a background indexer: this many articles wait.
        case inBackground(waiting: Int)
    }

    /// Indexing this many takes about half a second: not worth a process of its own.
    public static let foregroundLimit = 5_000

    /// What a command that stored articles does last: a small backlog is
    /// indexed at once, a large one in the background (unless `waiting`).
    public static func catchUp(_ store: ArticleStore, waiting: Bool) throws -> Outcome {
        let backlog = try store.searchBacklog()
        if backlog > foregroundLimit && !waiting && start(storePath: store.path) {
            // The indexer empties the write-ahead log when it is done.
            return .inBackground(waiting: backlog)
        }
        let indexed = try store.catchUpSearch()
        store.truncateWriteAheadLog()
        return .indexed(indexed)
    }

    /// Returns false when the process could not be started (the caller then
    /// indexes in the foreground); true when it was, or one already runs.
    public static func start(storePath: String) -> Bool {
        guard let executable = currentExecutable() else { return false }
        let lock = open(lockPath(storePath), O_RDWR | O_CREAT, 0o644)
        guard lock >= 0 else { return false }
        // The child keeps the inherited descriptor, and with it the lock, until it exits.
        defer { close(lock) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, setSessionFlag)
        // No terminal and no pipe of the caller's: a test or script reading
        // the import's output must not wait for the indexer to finish.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = [executable, "--db", storePath, "index", "--background"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ) == 0
        if !started { flock(lock, LOCK_UN) }
        return started
    }

    /// Starts an indexer when articles wait for the search index (and none
    /// runs yet); for the reader, whose keys must not wait for indexing.
    public static func startIfNeeded(for store: ArticleStore) {
        if (try? store.hasSearchBacklog()) == true { _ = start(storePath: store.path) }
    }

    /// Returns once no background indexer runs on the store.
    public static func waitUntilFinished(storePath: String) {
        let lock = open(lockPath(storePath), O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { return }
        while flock(lock, LOCK_SH) != 0 && errno == EINTR {}
        close(lock)
    }

    private static func lockPath(_ storePath: String) -> String { storePath + "-index.lock" }

    private static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
