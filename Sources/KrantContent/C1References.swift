import Foundation

/// Rewrites numeric character references to C1 code points (`&#146;`,
/// `&#x92;`) as references to the characters windows-1252 puts there
/// (`&#8217;`), the way HTML reads them. Left alone, XML and libxml2's HTML
/// parser turn them into invisible C1 controls that the Sanitizer drops, and
/// "it’s" becomes "its". References to the five code points windows-1252
/// leaves undefined stay as they are (and are dropped as controls later).
package enum C1References {
    /// The rewritten bytes, or nil when there is no such reference (the
    /// common case costs one scan for `&#`).
    package static func rewrite(_ bytes: UnsafeRawBufferPointer) -> Data? {
        guard let first = firstReference(in: bytes) else { return nil }
        var output = Data()
        output.reserveCapacity(bytes.count + 64)
        output.append(contentsOf: bytes[..<first.start])
        var index = first.start
        var pending: (start: Int, end: Int, scalar: Unicode.Scalar)? = first
        while let reference = pending {
            output.append(contentsOf: bytes[index..<reference.start])
            output.append(contentsOf: Array("&#\(reference.scalar.value);".utf8))
            index = reference.end
            pending = firstReference(in: bytes, from: index)
        }
        output.append(contentsOf: bytes[index...])
        return output
    }

    package static func rewrite(_ data: Data) -> Data? {
        data.withUnsafeBytes { rewrite($0) }
    }

    /// The next `&#NNN;` or `&#xHH;` naming a mapped C1 code point, from `start`.
    private static func firstReference(in bytes: UnsafeRawBufferPointer, from start: Int = 0)
        -> (start: Int, end: Int, scalar: Unicode.Scalar)? {
        var index = start
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while index + 3 < count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "&")), count - index) else { return nil }
            index = base.distance(to: UnsafeRawPointer(found))
            guard index + 3 < count, bytes[index + 1] == UInt8(ascii: "#") else {
                index += 1
                continue
            }
            if let reference = NumericReference.read(bytes, at: index),
               let scalar = WindowsLatin1.scalar(forC1: reference.value) {
                return (index, index + reference.length, scalar)
            }
            index += 2
        }
        return nil
    }
}
