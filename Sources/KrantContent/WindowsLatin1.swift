/// The characters windows-1252 puts at bytes 0x80–0x9F, where ISO-8859-1
/// has C1 controls. Feeds written on Windows send these bytes undeclared,
/// and HTML maps numeric references in that range (`&#146;`) to them too,
/// so a right single quote arrives as `’`, not as an invisible control.
package enum WindowsLatin1 {
    /// Indexed by `byte - 0x80`; nil where windows-1252 leaves a byte undefined.
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The character of one windows-1252 byte (ASCII and 0xA0–0xFF as in
    /// ISO-8859-1); nil for the five bytes windows-1252 does not define.
    package static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : Unicode.Scalar(byte)
    }

    /// The character HTML shows for a numeric reference to a C1 code point
    /// (U+0080–U+009F); nil for any other code point.
    package static func scalar(forC1 value: UInt32) -> Unicode.Scalar? {
        (0x80...0x9F).contains(value) ? high[Int(value) - 0x80] : nil
    }
}
