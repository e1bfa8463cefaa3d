import Foundation
import GRDB

/// The pages of a store file, to damage a store the way a failing disk or a
/// half-written copy would: garbage over whole pages of one b-tree.
public enum StorePages {
    /// The leaf pages of the b-tree of `name` (a table or an index), in key
    /// order. The store's write-ahead log is emptied into the file first, so
    /// that what is written over a page afterwards is what SQLite reads.
    public static func leaves(of name: String, in path: String) throws -> [Int] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            // dbstat's path ("/000/01a/") sorts the pages of a b-tree in key order.
            return try Int.fetchAll(db, sql: """
                SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path
                """, arguments: [name])
        }
    }

    /// The rowids a leaf page of a table holds, read from the page itself
    /// (SQLite's file format: a cell pointer array after an 8-byte header;
    /// each cell starts with its payload size and its rowid, as varints).
    public static func rowids(inLeaf page: Int, of path: String) throws -> [Int64] {
        let bytes = try read(page: page, of: path)
        guard bytes[0] == 0x0D else { throw Failure(description: "page \(page) is not a table leaf") }
        let cells = Int(bytes[3]) << 8 | Int(bytes[4])
        return (0..<cells).map { cell in
            var offset = Int(bytes[8 + 2 * cell]) << 8 | Int(bytes[9 + 2 * cell])
            _ = varint(bytes, &offset)
            return varint(bytes, &offset)
        }
    }

    /// Writes the same garbage over each page (its first byte is no page
    /// type, so SQLite knows the page is damaged as soon as it reads it).
    public static func overwrite(_ pages: [Int], of path: String) throws {
        let size = try pageSize(of: path)
        let garbage = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for page in pages {
            try handle.seek(toOffset: UInt64((page - 1) * size))
            try handle.write(contentsOf: garbage)
        }
        try handle.synchronize()
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private static func pageSize(of path: String) throws -> Int {
        let header = try Array(Data(contentsOf: URL(fileURLWithPath: path)).prefix(18))
        let size = Int(header[16]) << 8 | Int(header[17])
        return size == 1 ? 65_536 : size
    }

    private static func read(page: Int, of path: String) throws -> [UInt8] {
        let size = try pageSize(of: path)
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64((page - 1) * size))
        return Array(try handle.read(upToCount: size) ?? Data())
    }

    /// SQLite's big-endian varint: 7 bits a byte, the ninth byte whole.
    private static func varint(_ bytes: [UInt8], _ offset: inout Int) -> Int64 {
        var value: UInt64 = 0
        for index in 0..<9 {
            let byte = bytes[offset]
            offset += 1
            if index == 8 { return Int64(bitPattern: value << 8 | UInt64(byte)) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return Int64(bitPattern: value)
    }
}
