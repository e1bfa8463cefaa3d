import GRDB

/// Reads every row of one table of a damaged store that SQLite can still
/// read, in rowid order, stepping over the damaged parts (`StoreRepair`).
///
/// A damaged page of a table's b-tree makes every read that passes through
/// it fail: a scan stops there, and so does a seek to any rowid the page
/// covers. The rows SQLite can reach by a seek past the page are fine. So
/// after a failure the scan seeks ever further ahead (1, 2, 4, ... rowids)
/// until a seek succeeds, then narrows down (by halves) to the first rowid
/// from which one does, and scans on from there: a damaged leaf costs a
/// few dozen seeks, and no row outside the damaged pages is lost. A seek
/// reads the whole row it finds, so one row whose overflow pages are
/// damaged is stepped over too.
struct RowSalvage {
    let table: String
    let columns: [String]

    /// Calls `body` with each readable row (the values of `columns`, in
    /// order) and returns how many damaged stretches were stepped over.
    /// Errors other than damage, and whatever `body` throws, end the salvage.
    func forEachReadableRow(in db: Database, _ body: ([DatabaseValue]) throws -> Void) throws -> Int {
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        // `>=` and never `>`: SQLite seeks `rowid > 226` by going to 226,
        // which lies in the damaged page when 226 is its last row.
        let scan = "SELECT rowid, \(list) FROM \(table.quotedDatabaseIdentifier) WHERE rowid >= ? ORDER BY rowid"
        var from = Int64.min
        var skipped = 0
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
            guard let resume = try firstReadable(from: from, in: db, list: list) else { return skipped }
            from = resume
        }
    }

    /// The least rowid past `from` (from which the scan just failed) from
    /// which a seek reads a row again (or finds none); nil when no seek up
    /// to the largest rowid succeeds.
    private func firstReadable(from: Int64, in db: Database, list: String) throws -> Int64? {
        let seek = "SELECT rowid, \(list) FROM \(table.quotedDatabaseIdentifier) WHERE rowid >= ? ORDER BY rowid LIMIT 1"
        func readable(_ start: Int64) throws -> Bool {
            do {
                _ = try Row.fetchOne(db, sql: seek, arguments: [start])
                return true
            } catch let error as DatabaseError where StoreErrorMapping.isDamage(error) {
                return false
            }
        }
        var failing = from
        var step: Int64 = 1
        var reading: Int64
        while true {
            let (probe, overflow) = from.addingReportingOverflow(step)
            if overflow { return nil }
            if try readable(probe) {
                reading = probe
                break
            }
            failing = probe
            guard step <= Int64.max / 2 else { return nil }
            step *= 2
        }
        while reading - failing > 1 {
            let middle = failing + (reading - failing) / 2
            if try readable(middle) { reading = middle } else { failing = middle }
        }
        return reading
    }
}
