/// Reads one numeric character reference (`&#27;`, `&#x92;`) from raw
/// markup bytes, for the byte-level passes that run before a parser does.
package enum NumericReference {
    /// The code point of the reference that starts at `index` (at its `&`)
    /// and how many bytes spell it; nil when none starts there. More than
    /// eight digits is no reference a repair needs to read.
    package static func read(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (value: UInt32, length: Int)? {
        guard index + 3 < bytes.count, bytes[index] == UInt8(ascii: "&"), bytes[index + 1] == UInt8(ascii: "#") else {
            return nil
        }
        var position = index + 2
        let hex = bytes[position] | 0x20 == UInt8(ascii: "x")
        if hex { position += 1 }
        var value: UInt32 = 0
        let digitsStart = position
        while position < bytes.count, position - digitsStart < 8, let digit = digit(bytes[position], hex: hex) {
            value = value * (hex ? 16 : 10) + digit
            position += 1
        }
        guard position > digitsStart, position < bytes.count, bytes[position] == UInt8(ascii: ";") else { return nil }
        return (value, position + 1 - index)
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
