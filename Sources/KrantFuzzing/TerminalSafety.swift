/// What `Sanitizer` promises to remove, restated independently so a fuzz
/// target can check the promise rather than repeat the implementation.
enum TerminalSafety {
    /// The first scalar a terminal would act on: C0 controls (a line feed
    /// only where lines are allowed), DEL, C1 controls, bidi embeddings,
    /// overrides and isolates, and the byte order mark.
    static func firstUnsafeScalar(in text: String, allowsNewlines: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x0A: !allowsNewlines
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
            default: false
            }
        }
    }

    /// Separators that end a line for the wrapper (`Character.isNewline`)
    /// beyond the controls already refused.
    static func isLineSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The text with every control, separator and non-ASCII scalar written
    /// as `\u{…}`, cut to a readable length, for a violation message.
    static func visible(_ text: String, limit: Int = 120) -> String {
        var result = "\""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == limit {
                result += "…"
                break
            }
            let value = scalar.value
            result += (0x20..<0x7F).contains(value) ? String(scalar) : "\\u{\(hex(scalar))}"
        }
        return result + "\""
    }
}
