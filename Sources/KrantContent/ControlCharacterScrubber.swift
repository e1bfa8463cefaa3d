import Foundation

/// Makes XML with control characters well-formed again.
///
/// XML 1.0 forbids C0 controls, raw or as character references, so one
/// stray byte (a pasted form feed, or a hostile `ESC [2J` in a title) or one
/// `&#27;` would reject a whole feed. Escape sequences are rewritten to their
/// 8-bit C1 equivalents (`ESC [` → U+009B CSI, `ESC ]` → U+009D OSC, BEL →
/// U+009C ST, ...), which XML allows, so that the Sanitizer later removes
/// each sequence *whole*, payload included, instead of leaving `[2J` behind.
/// Other controls are dropped. HTML bodies go through it too: libxml2's HTML
/// parser drops the controls silently, payload left behind.
package enum ControlCharacterScrubber {
    /// The cleaned document and how many controls it had, or nil when there
    /// was nothing to clean (or the document is not in an ASCII-compatible
    /// encoding, where bytes below 0x20 are part of characters).
    package static func scrub(_ data: Data) -> (data: Data, controls: Int)? {
        guard data.first != 0, !data.starts(with: [0xFE, 0xFF]), !data.starts(with: [0xFF, 0xFE]) else { return nil }
        return data.withUnsafeBytes { bytes -> (data: Data, controls: Int)? in
            guard needsScrubbing(bytes) else { return nil }
            var controls = 0
            var output = Data()
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                guard let (control, length) = control(in: bytes, at: index) else {
                    output.append(bytes[index])
                    index += 1
                    continue
                }
                index += length
                controls += 1
                switch control {
                case 0x1B:
                    // ESC Fe (0x40–0x5F) is the 7-bit form of C1 control 0x80 + (Fe − 0x40).
                    if index < bytes.count, (0x40...0x5F).contains(bytes[index]) {
                        output.append(contentsOf: [0xC2, 0x80 + bytes[index] - 0x40])
                        index += 1
                    } else if index < bytes.count, (0x30...0x7E).contains(bytes[index]) {
                        index += 1  // a two-byte escape such as ESC c (reset): both bytes go
                    }
                case 0x07:
                    output.append(contentsOf: [0xC2, 0x9C])
                default:
                    break
                }
            }
            return (output, controls)
        }
    }

    /// A plain loop over raw bytes: `Data.contains(where:)` is many times slower.
    package static func needsScrubbing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for index in bytes.indices where isForbidden(bytes[index])
            || (bytes[index] == UInt8(ascii: "&") && control(in: bytes, at: index) != nil) {
            return true
        }
        return false
    }

    /// The forbidden control at `index`, raw or written as a character
    /// reference (`&#27;`, `&#x1b;`), and how many bytes spell it.
    private static func control(in bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt8, Int)? {
        let byte = bytes[index]
        if isForbidden(byte) { return (byte, 1) }
        guard byte == UInt8(ascii: "&"), let reference = NumericReference.read(bytes, at: index),
              reference.value < 0x20, isForbidden(UInt8(reference.value)) else { return nil }
        return (UInt8(reference.value), reference.length)
    }

    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }
}
