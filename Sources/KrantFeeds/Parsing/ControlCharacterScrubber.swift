import Foundation

/// Makes XML with raw control characters well-formed again.
///
/// XML 1.0 forbids C0 controls, so one stray byte (a pasted form feed, or a
/// hostile `ESC [2J` in a title) would reject a whole feed. Escape sequences
/// are rewritten to their 8-bit C1 equivalents (`ESC [` → U+009B CSI, `ESC ]`
/// → U+009D OSC, BEL → U+009C ST, ...), which XML allows, so that the
/// Sanitizer later removes each sequence *whole*, payload included, instead
/// of leaving `[2J` behind. Other controls are dropped.
enum ControlCharacterScrubber {
    /// The cleaned document, or nil when there was nothing to clean (or the
    /// document is not in an ASCII-compatible encoding, where bytes below
    /// 0x20 are part of characters).
    static func scrub(_ data: Data) -> Data? {
        guard data.first != 0, !data.starts(with: [0xFE, 0xFF]), !data.starts(with: [0xFF, 0xFE]),
              data.withUnsafeBytes(needsScrubbing) else { return nil }
        var output = Data()
        output.reserveCapacity(data.count)
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            index += 1
            guard isForbidden(byte) else {
                output.append(byte)
                continue
            }
            switch byte {
            case 0x1B:
                // ESC Fe (0x40–0x5F) is the 7-bit form of C1 control 0x80 + (Fe − 0x40).
                if index < data.endIndex, (0x40...0x5F).contains(data[index]) {
                    output.append(contentsOf: [0xC2, 0x80 + data[index] - 0x40])
                    index += 1
                } else if index < data.endIndex, (0x30...0x7E).contains(data[index]) {
                    index += 1  // a two-byte escape such as ESC c (reset): both bytes go
                }
            case 0x07:
                output.append(contentsOf: [0xC2, 0x9C])
            default:
                break
            }
        }
        return output
    }

    /// A plain loop over raw bytes: `Data.contains(where:)` is many times slower.
    static func needsScrubbing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where isForbidden(byte) { return true }
        return false
    }

    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }
}
