/// Eight bytes of text in one integer, tested all at once: finding a quote
/// or a space this way costs an eighth of testing byte by byte, which is what
/// makes reading and counting the lines of a long article fast enough.
struct EightBytes {
    /// The bytes, the first in the lowest eight bits.
    let value: UInt64

    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `index`; there must be eight.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        value = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// 0x80 in each byte equal to `byte`, and nothing else.
    func matching(_ byte: UInt8) -> UInt64 {
        let difference = value ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((difference & Self.low) &+ Self.low) | difference | Self.low)
    }

    /// Nonzero when some byte is below `limit` (at most 0x80); its lowest
    /// 0x80 bit marks the first such byte, higher ones may be wrong.
    func below(_ limit: UInt8) -> UInt64 {
        (value &- UInt64(limit) &* 0x0101_0101_0101_0101) & ~value & Self.high
    }

    /// Whether all eight are printable ASCII (0x20–0x7E): none below the
    /// space, none that adding one lifts to 0x80 or beyond.
    var isPrintableASCII: Bool {
        ((value &- 0x2020_2020_2020_2020) & ~value | (value &+ 0x0101_0101_0101_0101) | value) & Self.high == 0
    }

    /// The position (0–7) of the first byte a mask of these marks.
    static func firstMarked(_ mask: UInt64) -> Int { mask.trailingZeroBitCount / 8 }

    /// The position (0–7) of the last byte a mask of these marks.
    static func lastMarked(_ mask: UInt64) -> Int { (63 - mask.leadingZeroBitCount) / 8 }
}
