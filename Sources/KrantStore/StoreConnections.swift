import Foundation
import GRDB

/// The store's connections, with what every read and write must respect:
/// a store found damaged is written no more, a read-only one is never asked
/// to write, and SQLite's failures of either kind come out as a
/// `StoreError` that names the file, never as an SQL statement.
///
/// Damage is remembered once seen (by any call, on any thread): reads go
/// on, so the reader keeps showing what it can, but every later write is
/// refused, so a command or a fetch that goes on after one failed feed
/// cannot add to the damage.
final class StoreConnections: @unchecked Sendable {
    let path: String
    /// A `DatabasePool`, or a `DatabaseQueue` for a store opened with
    /// `ArticleStore.Connections.single`.
    let database: any DatabaseWriter
    let access: StoreAccess
    private let lock = NSLock()
    private var seenDamage: StoreError?

    init(path: String, database: any DatabaseWriter, access: StoreAccess) {
        self.path = path
        self.database = database
        self.access = access
    }

    /// The damage SQLite reported, once it has.
    var damage: StoreError? { lock.withLock { seenDamage } }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reporting { try database.read(body) }
    }

    /// Reads with `body`; when SQLite finds damage, reads with `salvage`
    /// instead, outside a transaction: in one, SQLite reports the damage
    /// again when the transaction ends, however well the reads after it
    /// went, so a salvage that steps over unreadable rows must not be in one.
    func read<T>(_ body: (Database) throws -> T, salvaging salvage: (Database) throws -> T) throws -> T {
        do {
            return try read(body)
        } catch let error as StoreError {
            guard case .damaged = error else { throw error }
            return try reporting { try database.unsafeRead(salvage) }
        }
    }

    /// Notes damage that a salvage stepped over rather than threw.
    func noteDamage(_ error: DatabaseError) {
        guard let mapped = StoreErrorMapping.storeError(error, path: path), case .damaged = mapped else { return }
        lock.withLock { seenDamage = seenDamage ?? mapped }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try refuseWrites()
        return try reporting { try database.write(body) }
    }

    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try refuseWrites()
        return try reporting { try database.writeWithoutTransaction(body) }
    }

    /// Reads on the writer connection (`PRAGMA data_version` counts the
    /// commits of other connections than the one asking), also in a store
    /// that must not be written.
    func readOnWriter<T>(_ body: (Database) throws -> T) throws -> T {
        try reporting { try database.writeWithoutTransaction(body) }
    }

    func add(transactionObserver observer: some TransactionObserver) {
        database.add(transactionObserver: observer)
    }

    private func refuseWrites() throws {
        if let damage { throw damage }
        if case .readOnly(let reason) = access { throw StoreError.readOnly(path: path, reason: reason) }
    }

    private func reporting<T>(_ call: () throws -> T) throws -> T {
        do {
            return try call()
        } catch let error as DatabaseError {
            guard let mapped = StoreErrorMapping.storeError(error, path: path) else { throw error }
            noteDamage(error)
            throw mapped
        }
    }
}
