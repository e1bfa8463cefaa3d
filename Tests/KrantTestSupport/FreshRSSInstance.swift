import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// A real FreshRSS (the unpacked tree `KRANT_FRESHRSS_DIR` names) installed
/// into a fresh temporary directory with SQLite and served by `php -S` on
/// 127.0.0.1, for tests that hold krant's Google Reader client, and the fake
/// server, to what the real server does. FreshRSS is AGPL and never part of
/// the repository, so these tests are opt-in: `isAvailable` is false without
/// the tree or `php`, and callers skip visibly with `.enabled(if:)`.
///
/// The feeds it subscribes to must be served from this (the test) process,
/// never by the php server itself: `php -S` answers one request at a time,
/// so it would wait on itself.
public final class FreshRSSInstance: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let user: String
    public private(set) var apiPassword: String
    /// `http://127.0.0.1:PORT`, the base URL FreshRSS was installed with.
    public let baseURL: String
    /// `http://127.0.0.1:PORT/api/greader.php`
    public var apiURL: String { baseURL + "/api/greader.php" }
    /// The installed copy, removed by `stop()`.
    public let directory: URL

    private var server: TestProcess
    private let lock = NSLock()
    private var stopped = false

    /// The tree to copy, when the environment names one that looks like FreshRSS.
    public static var sourceTree: String? {
        guard let tree = ProcessInfo.processInfo.environment["KRANT_FRESHRSS_DIR"], !tree.isEmpty,
              FileManager.default.fileExists(atPath: tree + "/cli/do-install.php"),
              FileManager.default.fileExists(atPath: tree + "/p/api/greader.php") else { return nil }
        return tree
    }

    /// True when `KRANT_FRESHRSS_DIR` names a FreshRSS tree and `php` is on PATH.
    public static var isAvailable: Bool { sourceTree != nil && phpPath != nil }

    /// nil when FreshRSS or php is not available; throws when it is but does not start.
    public static func startIfAvailable(user: String = "alice", apiPassword: String = "s3cret-api") throws -> FreshRSSInstance? {
        guard let tree = sourceTree, isAvailable else { return nil }
        return try FreshRSSInstance(tree: tree, user: user, apiPassword: apiPassword)
    }

    private init(tree: String, user: String, apiPassword: String) throws {
        self.user = user
        self.apiPassword = apiPassword
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("krant-freshrss-\(UUID().uuidString)")
        self.directory = directory
        let port = try Self.freePort()
        baseURL = "http://127.0.0.1:\(port)"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let root = directory.path
            _ = try Self.run(["cp", "-a", tree + "/.", root + "/"], in: root)
            // A 1 s SimplePie cache (the default is 800 s), or actualize serves
            // the copy it fetched at subscribe time without asking the feed server.
            try "<?php\nreturn array('limits' => array('cache_duration' => 1));\n"
                .write(toFile: root + "/data/config.custom.php", atomically: true, encoding: .utf8)
            // An empty OPML: create-user imports this instead of its default
            // internet feeds (--no-default-feeds crashes in 1.24.3).
            try """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>empty</title></head><body></body></opml>

                """.write(toFile: root + "/data/opml.xml", atomically: true, encoding: .utf8)
            _ = try Self.run(["php", "cli/prepare.php"], in: root)
            _ = try Self.run(["php", "cli/do-install.php", "--default-user", user, "--api-enabled", "--db-type", "sqlite",
                              "--base-url", baseURL, "--environment", "development"], in: root)
            // A 1 s feed TTL (0 is ignored), so actualize refreshes every feed every time.
            _ = try Self.run(["php", "cli/create-user.php", "--user", user, "--password", "web-\(apiPassword)",
                              "--api-password", apiPassword, "--feed-ttl-default", "1"], in: root)
            // Through sh only to send php's request log to a file: a pipe nobody
            // reads would fill and stop the server.
            server = try Self.serve(port: Int(port), root: root)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        do {
            try waitUntilServing()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Kills the server and removes the installed copy (idempotent).
    public func stop() {
        let wasStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        lock.withLock { server }.kill()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops answering (the php server is killed; the data stays), as a
    /// server that went down: connections are refused until `resume()`.
    public func suspend() {
        lock.withLock { server }.kill()
        _ = try? lock.withLock { server }.wait(timeout: .seconds(10))
    }

    /// Serves again on the same port after `suspend()`.
    public func resume() throws {
        guard let port = URLComponents(string: baseURL)?.port else { throw Failure(description: "no port in \(baseURL)") }
        let started = try Self.serve(port: port, root: directory.path)
        lock.withLock { server = started }
        try waitUntilServing()
    }

    /// `php -S` on `port`, through sh only to send php's request log to a
    /// file: a pipe nobody reads would fill and stop the server.
    private static func serve(port: Int, root: String) throws -> TestProcess {
        try TestProcess(["/bin/sh", "-c", "cd \"$3\" && exec php -S \"$0\" -t \"$1\" >>\"$2\" 2>&1",
                         "127.0.0.1:\(port)", root + "/p", root + "/php-server.log", root],
                        environment: ProcessInfo.processInfo.environment)
    }

    /// Refreshes every feed of the user now, as FreshRSS's cron job would.
    /// "0 feeds" (exit status 1) is not an error: nothing was due.
    @discardableResult
    public func actualize() throws -> String {
        let output = try Self.run(["php", "cli/actualize-user.php", "--user", user], in: directory.path, allowing: [1])
        return output.stdout
    }

    /// Gives the user a new API password: tokens made from the old one stop working.
    public func changeAPIPassword(_ password: String) throws {
        _ = try Self.run(["php", "cli/update-user.php", "--user", user, "--api-password", password], in: directory.path)
        apiPassword = password
        // The server reads the user's config through opcache, which looks at
        // the file's time only every few seconds: wait until it logs in.
        let deadline = ContinuousClock.now + .seconds(10)
        let form = TestHTTPClient.formBody([("Email", user), ("Passwd", password)])
        while ContinuousClock.now < deadline {
            let response = try TestHTTPClient.send("POST", apiURL + "/accounts/ClientLogin",
                                                   headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            if response.status == 200 { return }
            usleep(100_000)
        }
        throw Failure(description: "FreshRSS still refuses the new API password after 10 s")
    }

    /// Runs `sql` on the user's own database and returns each row's columns
    /// as text (NULL as ""), to check what the server stored.
    public func sqlite(_ sql: String) throws -> [[String]] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: directory.path + "/data/users/\(user)/db.sqlite", configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return ""
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    case .blob(let data): return String(decoding: data, as: UTF8.self)
                    }
                }
            }
        }
    }

    /// What the php server has logged so far, for failure messages.
    public var serverLog: String {
        (try? String(contentsOfFile: directory.path + "/php-server.log", encoding: .utf8)) ?? ""
    }

    private func waitUntilServing() throws {
        let deadline = ContinuousClock.now + .seconds(15)
        var last = "no answer"
        while ContinuousClock.now < deadline {
            if let status = try? lock.withLock({ server }).exitStatus() {
                throw Failure(description: "php -S for FreshRSS exited with status \(status): \(serverLog)")
            }
            do {
                let response = try TestHTTPClient.send("GET", apiURL, timeout: 2)
                if response.status == 200 && response.text.hasPrefix("OK") { return }
                last = "\(response.status) \(response.text.prefix(200))"
            } catch {
                last = error.description
            }
            usleep(50_000)
        }
        throw Failure(description: "FreshRSS at \(apiURL) did not answer OK within 15 s: \(last)")
    }

    private static var phpPath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/php" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Binds port 0 and gives the port back: the php server binds it moments
    /// later (it cannot be handed a bound socket).
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = FetchTestServer.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind: \(String(cString: strerror(errno)))") }
        return FetchTestServer.boundPort(of: fd)
    }

    private static func run(_ arguments: [String], in directory: String, allowing allowed: Set<Int32> = []) throws -> TestProcess.Output {
        let process = try TestProcess(["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments,
                                      environment: ProcessInfo.processInfo.environment)
        let output = try process.wait(timeout: .seconds(120))
        guard output.status == 0 || allowed.contains(output.status) else {
            throw Failure(description: "\(arguments.joined(separator: " ")) exited with status \(output.status): "
                          + output.stdout + output.stderr)
        }
        return output
    }
}
