/// Makes untrusted text safe to show in a terminal before it enters the model.
///
/// Articles and feeds are written by strangers. Any control character that
/// reaches the terminal can move the cursor, clear the screen, set the window
/// title or write the clipboard (OSC 52), so everything the terminal would
/// interpret is removed here, once, at the door:
/// - escape sequences are removed *whole*: CSI (`ESC [` … final byte), OSC
///   (`ESC ]` … up to BEL or ST, payload included), DCS/SOS/PM/APC strings
///   (`ESC P`, `ESC X`, `ESC ^`, `ESC _` … ST), their 8-bit C1 introducers,
///   and two-byte escapes such as `ESC c`;
/// - all other C0 and C1 controls and DEL are dropped; a tab becomes a space;
/// - bidi embedding, override and isolate controls are dropped, so a title
///   cannot reverse the text drawn after it.
///
/// A string sequence (OSC, DCS, …) that is never terminated ends at the end
/// of its line, so a hostile byte cannot swallow the rest of an article.
public enum Sanitizer {
    /// Cleans multi-line text, keeping line feeds (the structure the parsers read).
    public static func cleanText(_ text: String) -> String {
        clean(text, keepNewlines: true)
    }

    /// `cleanLine` for a field that may be absent: nil when it is, or when
    /// nothing is left after cleaning (feeds write `<link></link>`).
    public static func cleanLineOrNil(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = cleanLine(text)
        return clean.isEmpty ? nil : clean
    }

    /// Cleans a single-line field such as a title: line breaks become spaces and
    /// surrounding whitespace is trimmed.
    public static func cleanLine(_ text: String) -> String {
        let isClean = text.utf8.withContiguousStorageIfAvailable(isCleanLine)
            ?? Array(text.utf8).withUnsafeBufferPointer(isCleanLine)
        if isClean { return text }
        return collapseSpaces(clean(text, keepNewlines: false))
    }

    /// True when `cleanLine` provably changes nothing: no control or DEL byte,
    /// no lead byte of a C1 control, bidi control, BOM or non-ASCII space
    /// (C2, E1, E2, E3, EF), single inner spaces only, none at the ends.
    /// Feeds pass every title and paragraph through here; the per-scalar
    /// checks were a fifth of a feed's parse time.
    private static func isCleanLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            switch byte {
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            case 0x00...0x1F, 0x7F, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                return false
            default:
                previousWasSpace = false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }

    /// Text that is not ours to clean but must be shown (a file name, a URL
    /// typed by someone): every control and bidi character is written out
    /// as a visible escape (`\x1B`, `\u{202E}`), so the name stays
    /// recognisable and nothing in it reaches the terminal as a command.
    public static func escapedForDisplay(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isRemovable($0.value) || $0 == "\n" || $0 == "\t" }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x09 || isRemovable(value) {
                let hex = String(value, radix: 16, uppercase: true)
                result += value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Collapses runs of whitespace to one space and trims both ends.
    public static func collapseSpaces(_ text: String) -> String {
        // Fast path: nothing to collapse (the common case for a clean line).
        // Only ASCII controls and spaces, and the UTF-8 lead bytes of the
        // non-ASCII spaces (C2, E1, E2, E3), can need work.
        var previousWasSpace = true
        var needsWork = false
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousWasSpace { needsWork = true }
                previousWasSpace = true
            case 0x00...0x1F, 0xC2, 0xE1, 0xE2, 0xE3:
                needsWork = true
            default:
                previousWasSpace = false
            }
            if needsWork { break }
        }
        if !needsWork && !previousWasSpace { return text }

        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Unicode White_Space, without the property table lookup that made it
    /// the single most expensive call of an import.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private enum State {
        case text
        case escape             // after ESC
        case escapeIntermediate // ESC followed by 0x20–0x2F bytes
        case controlSequence    // CSI parameters and intermediates
        case string             // OSC/DCS/SOS/PM/APC payload
        case stringEscape       // ESC inside a string: maybe ST
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        // Fast path: most text has nothing to remove.
        if !text.unicodeScalars.contains(where: needsAttention) { return text }

        var output = String.UnicodeScalarView()
        var state = State.text
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch state {
            case .text:
                switch value {
                case 0x1B: state = .escape
                case 0x9B: state = .controlSequence
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string
                case 0x0A: output.append(keepNewlines ? scalar : " ")
                case 0x09: output.append(" ")
                default:
                    if !isRemovable(value) { output.append(scalar) }
                }
            case .escape:
                switch value {
                case 0x5B: state = .controlSequence            // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string  // ] P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x0A:
                    output.append(keepNewlines ? scalar : " ")
                    state = .text
                default: state = .text                         // ESC + final byte: dropped
                }
            case .escapeIntermediate:
                if value == 0x0A {
                    output.append(keepNewlines ? scalar : " ")
                    state = .text
                } else if !(0x20...0x2F).contains(value) {
                    state = .text
                }
            case .controlSequence:
                if value == 0x0A {
                    output.append(keepNewlines ? scalar : " ")
                    state = .text
                } else if (0x40...0x7E).contains(value) || value > 0x7E {
                    // A final byte ends it; anything outside the CSI alphabet aborts it
                    // (dropped too, as a terminal would).
                    state = .text
                }
            case .string:
                switch value {
                case 0x07, 0x9C: state = .text                 // BEL or 8-bit ST
                case 0x1B: state = .stringEscape
                case 0x0A:
                    output.append(keepNewlines ? scalar : " ")
                    state = .text
                default: break
                }
            case .stringEscape:
                if value == 0x0A {
                    output.append(keepNewlines ? scalar : " ")
                    state = .text
                } else {
                    state = value == 0x5C ? .text : .string    // ESC \ is ST
                }
            }
        }
        return String(output)
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x09 || isRemovable(value)
    }

    /// Controls (except line feed), DEL, C1, bidi controls and stray BOMs.
    private static func isRemovable(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
