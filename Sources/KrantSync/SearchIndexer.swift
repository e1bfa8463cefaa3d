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

    /// How to start the background indexer: the `krant` executable, run as
    /// `krant --db STORE index --background`. The executable says where it
    /// is; a library cannot know which program it is linked into.
    public struct Background: Sendable {
        public var executable: String

        public init(executable: String) {
            self.executable = executable
        }

        func arguments(storePath: String) -> [String] {
            [executable, "--db", storePath, "index", "--background"]
        }
    }

    /// Indexing this many takes about half a second: not worth a process of its own.
    public static let foregroundLimit = 5_000

    /// What a command that stored articles does last: a backlog of up to
    /// `foregroundLimit` articles is indexed at once, a larger one by
    /// `background` (unless `waiting`, or there is no way to start it).
    public static func catchUp(_ store: ArticleStore, waiting: Bool, background: Background?,
                               foregroundLimit: Int = foregroundLimit) throws -> Outcome {
        let backlog = try store.searchBacklog()
        if backlog > foregroundLimit && !waiting, let background, start(background, storePath: store.path) {
            // The indexer empties the write-ahead log when it is done.
            return .inBackground(waiting: backlog)
        }
        let indexed = try store.catchUpSearch()
        store.truncateWriteAheadLog()
        return .indexed(indexed)
    }

    /// Returns false when the process could not be started (the caller then
    /// indexes in the foreground); true when it was, or one already runs.
    public static func start(_ background: Background, storePath: String) -> Bool {
        // Close-on-exec: a browser the reader starts must not inherit the
        // lock (`krant index` would wait for the browser). The indexer gets
        // its own copy below.
        var lock = open(lockPath(storePath), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return false }
        if lock == 3 {
            // dup2 onto itself would keep close-on-exec: move it out of the way.
            let moved = fcntl(lock, F_DUPFD_CLOEXEC, 4)
            close(lock)
            guard moved >= 0 else { return false }
            lock = moved
        }
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
        // The indexer holds the lock for its whole life through descriptor 3,
        // a duplicate of ours (a duplicate shares the lock and is not closed
        // on exec).
        posix_spawn_file_actions_adddup2(&actions, lock, 3)
        let arguments = background.arguments(storePath: storePath)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, background.executable, &actions, &attributes, &argv, environ) == 0
        if !started { flock(lock, LOCK_UN) }
        return started
    }

    /// Starts an indexer when articles wait for the search index (and none
    /// runs yet); for the reader, whose keys must not wait for indexing.
    public static func startIfNeeded(for store: ArticleStore, background: Background) {
        if (try? store.hasSearchBacklog()) == true { _ = start(background, storePath: store.path) }
    }

    /// Returns once no background indexer runs on the store.
    public static func waitUntilFinished(storePath: String) {
        let lock = open(lockPath(storePath), O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { return }
        while flock(lock, LOCK_SH) != 0 && errno == EINTR {}
        close(lock)
    }

    private static func lockPath(_ storePath: String) -> String { storePath + "-index.lock" }
}
