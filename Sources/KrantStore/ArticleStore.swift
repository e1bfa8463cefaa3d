import Foundation
import GRDB
import KrantContent
import KrantCore

/// The SQLite store of articles, read state and feeds (README: Architecture,
/// Where the data lives).
///
/// A `DatabasePool` in WAL mode lets an import write while a reader in
/// another process keeps reading, and each read sees the latest commit, so
/// an open reader picks up new articles without restarting. (A command that
/// only reads gets one connection instead: `Connections.single`.)
public final class ArticleStore: Sendable {
    public let path: String
    /// True when this process created the store (it did not exist before):
    /// the reader then fills it with the bundled sample articles.
    public let wasCreated: Bool
    /// The rules that make a stored HTML body's search words.
    let converter: ContentConverter
    let pool: StoreConnections
    /// What this store was opened with (`.single` falls back to a pool).
    public let connections: Connections

    /// Whether the store was opened for reading only (`StoreAccess`), and
    /// why: then every write throws `StoreError.readOnly`.
    public var access: StoreAccess { pool.access }
    public var isReadOnly: Bool { access != .readWrite }

    /// The damage SQLite reported while this store was used, if it did;
    /// from then on every write throws it (`StoreConnections`).
    public var damage: StoreError? { pool.damage }

    /// How a store is connected to.
    public enum Connections: Sendable {
        /// A writer and concurrent readers (SQLite's WAL): for the reader,
        /// which reads while it writes, and for commands that write much.
        case pool
        /// One connection, for a command that reads (and seldom writes) one
        /// step at a time: opening an existing store with it writes nothing.
        /// A pool's first connection writes to make a write-ahead log when
        /// there is none (GRDB does, so that reads can start), and the last
        /// one to close copies that back: four `fdatasync` calls and a
        /// changed file for `krant list --count` in a status bar. (A log
        /// another process left behind is still copied back by the last
        /// connection to close, this one too.) Only a store already in WAL
        /// mode is opened so, since one connection keeps the journal mode it
        /// finds; any other gets a pool.
        case single
    }

    /// Opens the store at `path`, creating it (and its directories) when
    /// absent and migrating it to the current schema.
    ///
    /// A file that is not a krant store, or that a newer krant migrated, is
    /// refused with a `StoreError` before anything is written to it. A search
    /// index built by other rules than `converter`'s is emptied and left to
    /// catch up (see `SearchBacklog.adopt`).
    ///
    /// A store this process cannot write (`StoreAccess`) is refused with
    /// `StoreError.readOnly`, unless `readOnlyAllowed`: then it is opened for
    /// reading only, as it is (not migrated, its index not adopted).
    public init(path: String, converter: ContentConverter = .current, readOnlyAllowed: Bool = false,
                connections: Connections = .pool) throws {
        self.path = path
        self.converter = converter
        let migrator = StoreMigrations.migrator
        if case .readOnly(let reason) = StoreAccess.of(path: path) {
            guard try ExistingStoreCheck.holdsADatabase(path: path) else {
                throw StoreError.readOnly(path: path, reason: reason)
            }
            guard readOnlyAllowed else { throw StoreError.readOnly(path: path, reason: reason) }
            wasCreated = false
            self.connections = .pool
            pool = try Self.openReadOnly(path: path, reason: reason, converter: converter, migrator: migrator)
            return
        }
        if !FileManager.default.fileExists(atPath: path) { try Self.createParentDirectory(of: path) }
        // Two krant processes may open a store that does not exist yet (the
        // reader and an import started by cron): one creates and migrates it
        // while the other waits, instead of both migrating and one failing.
        let lock = Self.lockDirectory(of: path)
        defer { Self.unlock(lock) }
        let existed = FileManager.default.fileExists(atPath: path)
        wasCreated = !existed
        let single = connections == .single && ExistingStoreCheck.isInWALMode(path: path)
        self.connections = single ? .single : .pool
        // Opening one connection changes nothing, so that connection checks
        // the file itself (below); a pool's would already have written.
        if !single { try ExistingStoreCheck.check(path: path, migrator: migrator) }

        let configuration = Self.configuration(converter)
        // A pool sets journal_mode=WAL and synchronous=NORMAL itself (one
        // connection is set up in `singleConnection`).
        // Setting up a connection while another process commits can report
        // "database is locked" at once, before any busy handler runs: that
        // is a wait, not a failure, so opening is tried again for a while.
        let deadline = ContinuousClock.now + .seconds(Int(Self.busyTimeout))
        while true {
            do {
                let writer: any DatabaseWriter = single
                    ? try Self.singleConnection(path: path, configuration: configuration, migrator: migrator)
                    : try DatabasePool(path: path, configuration: configuration)
                try migrator.migrate(writer)
                // Read first: most opens find their own rules and need no write lock.
                if try writer.read({ db in try SearchBacklog.converterVersion(db) }) != converter.version {
                    try writer.write { db in _ = try SearchBacklog.adopt(converter, in: db) }
                }
                self.pool = StoreConnections(path: path, database: writer, access: .readWrite)
                return
            } catch let error as DatabaseError
                        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                        && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch let error as DatabaseError {
                throw StoreErrorMapping.openError(error, path: path, existed: existed)
            }
        }
    }

    /// One connection to a store in WAL mode, checked to be a krant store
    /// this version can use, and set up as a pool's would be.
    private static func singleConnection(path: String, configuration: Configuration,
                                         migrator: DatabaseMigrator) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.inDatabase { db in
            if let verdict = try ExistingStoreCheck.verdict(db, path: path, migrator: migrator) { throw verdict }
            // A pool writes with synchronous=NORMAL (enough in WAL mode) and
            // reads with the smaller page cache of `configuration`.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = \(Self.readerCacheSize)")
        }
        return queue
    }

    /// The page cache of connections that read (as `PRAGMA cache_size` has
    /// it: a negative number is KiB).
    static let readerCacheSize = -1000

    /// The connections' setup, for writing and for reading only alike.
    static func configuration(_ converter: ContentConverter) -> Configuration {
        var configuration = Configuration()
        configuration.label = "krant"
        // Writes are short (the search index catches up in slices of a few
        // milliseconds; a feed is one transaction), so another writer waits
        // rather than failing; the limit only stops a wait on a process
        // that hangs while holding the lock.
        configuration.busyMode = .timeout(Self.busyTimeout)
        // Triggers and the search backlog compute an HTML body's words.
        configuration.prepareDatabase { db in
            db.add(function: ArticleSearch.htmlText(converter))
            db.add(function: SearchCondition.matchFunction)
            // Takes effect only in a new, empty store (an existing one keeps
            // its size). Articles are a few kilobytes: with 4 KB pages each
            // spills into overflow pages and an import makes four times as
            // many write calls. Importing 50,000 feed items (10 files, 214 MB)
            // took 2.0-2.2 s with 16 KB pages, 2.6-3.5 s with 4 KB.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            // Readers walk a window of an index and one article at a time;
            // half SQLite's default page cache serves them as well and keeps
            // 1.7 MB off the reader's peak (measured with 50,000 items). The
            // writer keeps the default: an import with less took 8 % longer.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = \(Self.readerCacheSize)") }
        }
        return configuration
    }

    /// A store this process may only read: it must be a krant store of this
    /// version already, since upgrading one means writing to it.
    private static func openReadOnly(path: String, reason: String, converter: ContentConverter,
                                     migrator: DatabaseMigrator) throws -> StoreConnections {
        do {
            let pool = try StoreAccess.openReadOnly(path: path, configuration: configuration(converter))
            let verdict = try pool.read { db -> StoreError? in
                if let verdict = try ExistingStoreCheck.verdict(db, path: path, migrator: migrator) { return verdict }
                return try migrator.hasCompletedMigrations(db) ? nil
                    : .readOnly(path: path, reason: "\(reason); this krant must upgrade it, which means writing to it")
            }
            if let verdict { throw verdict }
            return StoreConnections(path: path, database: pool, access: .readOnly(reason: reason))
        } catch let error as DatabaseError {
            throw StoreErrorMapping.openError(error, path: path, existed: true)
        }
    }

    /// An exclusive `flock` on the store's folder for the opening, or nil
    /// when the folder cannot be opened (then there is nothing to wait for).
    private static func lockDirectory(of path: String) -> Int32? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return descriptor
    }

    private static func unlock(_ descriptor: Int32?) {
        guard let descriptor else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func createParentDirectory(of path: String) throws(StoreError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: path, reason: "its directory \(directory.path) cannot be created")
        }
    }

    /// A write transaction that may touch the search index (inserting,
    /// updating or deleting articles, indexing them): it first makes sure
    /// the index holds this krant's words (`SearchBacklog.adopt`), since a
    /// krant with other content rules may have adopted it since this store
    /// was opened.
    func writeTouchingIndex<T>(_ body: (Database) throws -> T) throws -> T {
        let converter = self.converter
        return try pool.write { db in
            _ = try SearchBacklog.adopt(converter, in: db)
            return try body(db)
        }
    }

    /// How long a write waits for another process's write, in seconds.
    static let busyTimeout: TimeInterval = 60

    /// The page size of a new store, in bytes.
    static let pageSize = 16_384

    // MARK: Reading

    /// A page of the view, newest first (published date, then id, both
    /// descending). Only list columns are read, never the bodies.
    public func headlines(_ query: HeadlineQuery, limit: Int, offset: Int = 0) throws -> [Headline] {
        let request = windowRequest(query, shape: { ReaderKeyset.order($0, listOrder: true) }, skip: offset, limit: limit)
            .select(HeadlineRecord.columns)
            .asRequest(of: HeadlineRecord.self)
        return try pool.read { db in try request.fetchAll(db).map(\.headline) }
    }

    public func count(_ query: HeadlineQuery) throws -> Int {
        try counts(query).total
    }

    /// How many articles of the view are unread (whatever `unreadOnly` says).
    public func unreadCount(_ query: HeadlineQuery) throws -> Int {
        try counts(query).unread
    }

    /// The view's size and how many of it are unread, from `article_counts`
    /// where it can answer, else by counting the view's rows.
    public func counts(_ query: HeadlineQuery) throws -> (total: Int, unread: Int) {
        try pool.read { db in
            if let counts = try ArticleCounts.counts(query, in: db) { return counts }
            if let counts = try SearchPlan.counts(query, in: db) { return counts }
            // Both counts in one pass, so a search is evaluated once.
            let row = try Row.fetchOne(db, HeadlineFilter.request(query)
                .select(sql: "count(*), coalesce(sum(is_read = 0), 0)"))
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    /// Every category with its totals, by name; uncategorised articles are
    /// left out because the chooser's "Alle" already covers them.
    public func categories() throws -> [CategoryCount] {
        let counts = try pool.read { db in try ArticleCounts.categories(in: db) }
        // Sorted here rather than in SQL: SQLite's binary collation would put
        // "buitenland" after "Wetenschap".
        return counts.sorted { lhs, rhs in
            let (left, right) = (lhs.name.lowercased(), rhs.name.lowercased())
            return left != right ? left < right : lhs.name < rhs.name
        }
    }

    public var isEmpty: Bool {
        get throws { try pool.read { db in try ArticleRecord.all().isEmpty(db) } }
    }

    public func contains(identity: String) throws -> Bool {
        try pool.read { db in
            try !ArticleRecord.filter(ArticleRecord.Columns.identity == identity).isEmpty(db)
        }
    }
}
