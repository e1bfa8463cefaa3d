import KrantContent

/// Finds and repairs bytes that are not UTF-8 in a document read as UTF-8.
/// Such a byte is nearly always a character from a Windows editor or
/// database (a Latin-1 `é`, a windows-1252 `’`), so it is read as
/// windows-1252, as browsers and established feed readers do.
enum UTF8Repair {
    /// The length of the valid UTF-8 sequence at `index`, or nil when the
    /// byte there does not start one (overlong forms, surrogates and code
    /// points past U+10FFFF are invalid, as in `String(validating:)`).
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// Appends the UTF-8 of the windows-1252 character `byte` (U+FFFD for
    /// the five bytes it leaves undefined).
    static func appendWindowsLatin1(_ byte: UInt8, to output: inout [UInt8]) {
        let scalar = WindowsLatin1.scalar(for: byte) ?? "\u{FFFD}"
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
