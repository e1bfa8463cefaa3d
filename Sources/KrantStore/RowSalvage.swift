import GRDB

/// Reads every row of one table of a damaged store that SQLite can still
/// read, in rowid order, stepping over the damaged parts (`StoreRepair`).
///
/// A damaged page of a table's b-tree makes every read that passes through
/// it fail: a scan stops there, and so does a seek to any rowid the page
/// covers, while seeks to rowids past it read on. So after a failure the
/// scan seeks each next rowid in turn until one reads, up to the largest
/// rowid the table is known to hold, and goes on from there: a damaged
/// leaf of a hundred rows costs a hundred seeks, and no row outside the
/// damaged pages is lost, however the damage is spread. A seek reads the
/// whole row it finds, so one row whose overflow pages are damaged is
/// stepped over too.
///
/// Rowids in krant's tables are ids from AUTOINCREMENT tables: 1 and up.
struct RowSalvage {
    let table: String
    let columns: [String]

    /// Calls `body` with each readable row (the values of `columns`, in
    /// order) and returns how many damaged stretches were stepped over.
    /// Errors other than damage, and whatever `body` throws, end the salvage.
    func forEachReadableRow(in db: Database, _ body: ([DatabaseValue]) throws -> Void) throws -> Int {
        // `>=` and never `>`: SQLite seeks `rowid > 226` by going to 226,
        // which lies in the damaged page when 226 is its last row.
        let scan = "SELECT rowid, \(list) FROM \(quotedTable) WHERE rowid >= ? ORDER BY rowid"
        var from: Int64 = 1
        var skipped = 0
        var largest: Int64??
        while true {
            let cursor = try Row.fetchCursor(db, sql: scan, arguments: [from])
            while true {
                let row: Row?
                do {
                    row = try cursor.next()
                } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
                    break
                }
                guard let row else { return skipped }
                let id: Int64 = row[0]
                try body(Array(row.databaseValues.dropFirst()))
                guard id < Int64.max else { return skipped }
                from = id + 1
            }
            skipped += 1
            if largest == nil { largest = largestRowid(in: db) }
            guard let resume = try firstReadable(from: from, upTo: largest ?? nil, in: db) else { return skipped }
            from = resume
        }
    }

    private var list: String { columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ") }
    private var quotedTable: String { table.quotedDatabaseIdentifier }

    /// The least rowid past `from` (where the scan just failed) from which
    /// a seek reads a row again, or finds none; nil when none does.
    private func firstReadable(from: Int64, upTo largest: Int64?, in db: Database) throws -> Int64? {
        let seek = "SELECT rowid, \(list) FROM \(quotedTable) WHERE rowid >= ? ORDER BY rowid LIMIT 1"
        func readable(_ start: Int64) throws -> Bool {
            do {
                _ = try Row.fetchOne(db, sql: seek, arguments: [start])
                return true
            } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
                return false
            }
        }
        if let largest {
            var candidate = from
            while candidate < largest {
                candidate += 1
                if try readable(candidate) { return candidate }
            }
            return nil
        }
        // No bound could be read: seek ever further ahead (1, 2, 4, ...
        // rowids), then narrow down to the first rowid that reads. An
        // intact stretch that lies between two seeks is missed.
        var failing = from
        var step: Int64 = 1
        var reading: Int64
        while true {
            let (probe, overflow) = failing.addingReportingOverflow(step)
            if overflow { return nil }
            if try readable(probe) {
                reading = probe
                break
            }
            failing = probe
            step = step < Int64.max / 2 ? step * 2 : step
        }
        while reading - failing > 1 {
            let middle = failing + (reading - failing) / 2
            if try readable(middle) { reading = middle } else { failing = middle }
        }
        return reading
    }

    /// The largest rowid the table holds, from whatever still reads: the
    /// table's last page, an index of it (every index holds every rowid),
    /// the AUTOINCREMENT counters (ids of every table come from them).
    private func largestRowid(in db: Database) -> Int64? {
        var found: [Int64] = []
        if let largest = try? Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(quotedTable)") { found.append(largest) }
        let indexes = (try? Row.fetchAll(db, sql: "PRAGMA index_list(\(quotedTable))")) ?? []
        for index in indexes where (index["partial"] as Int?) == 0 {
            let name: String = index["name"]
            let sql = "SELECT max(rowid) FROM \(quotedTable) INDEXED BY \(name.quotedDatabaseIdentifier)"
            if let largest = try? Int64.fetchOne(db, sql: sql) { found.append(largest) }
        }
        if let counter = try? Int64.fetchOne(db, sql: "SELECT max(seq) FROM sqlite_sequence") { found.append(counter) }
        return found.max()
    }
}
