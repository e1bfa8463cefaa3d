import Foundation

/// Starts `krant index --background` as a process of its own, so a large
/// import returns as soon as its articles are stored and the search index
/// catches up after it, the way `git gc --auto` detaches.
enum BackgroundIndexer {
    /// glibc's `POSIX_SPAWN_SETSID` (spawn.h), which Swift does not import:
    /// the indexer gets a session of its own, so closing the terminal or a
    /// Ctrl-C meant for the next command does not stop it.
    private static let setSessionFlag: Int16 = 0x80

    /// Returns false when the process could not be started (the caller then
    /// indexes in the foreground).
    static func start(storePath: String) -> Bool {
        guard let executable = currentExecutable() else { return false }
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
        return posix_spawn(&pid, executable, &actions, &attributes, &argv, environ) == 0
    }

    private static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
