import KrantCore

/// The first byte is a width (0 to 63 columns), the rest is text for
/// `TextWrapper` and `DisplayWidth`: every line fits, no text is lost or
/// reordered, `lineCount` agrees with `wrap`, and truncating and padding
/// keep to the width.
enum WrapperFuzzTarget {
    static func run(_ bytes: [UInt8], _ check: inout InvariantCheck) {
        guard let first = bytes.first else { return }
        let width = Int(first & 0x3F)
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)

        checkWidth(of: text, &check)
        checkWrap(text, width: width, &check)

        let truncated = TextWrapper.truncate(text, width: width)
        if width < 1 {
            check.expect(truncated.isEmpty, "truncate at width \(width) is not empty")
        } else {
            let columns = DisplayWidth.of(truncated)
            check.expect(columns <= width, "truncate to \(width) gave \(columns) columns: \(TerminalSafety.visible(truncated))")
            if DisplayWidth.of(text) <= width { check.expect(truncated == text, "truncate changed text that fits") }
        }

        let padded = TextWrapper.pad(text, width: width)
        if width >= 1 {
            let columns = DisplayWidth.of(padded)
            check.expect(columns == width, "pad to \(width) gave \(columns) columns: \(TerminalSafety.visible(padded))")
        }
    }

    /// The whole text measures what its clusters measure, each 0 to 2 columns.
    private static func checkWidth(of text: String, _ check: inout InvariantCheck) {
        var sum = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            check.expect((0...2).contains(columns), "a cluster measures \(columns) columns: \(TerminalSafety.visible(String(character)))")
            sum += columns
        }
        check.expect(DisplayWidth.of(text) == sum, "the text measures \(DisplayWidth.of(text)), its clusters \(sum)")
    }

    private static func checkWrap(_ text: String, width: Int, _ check: inout InvariantCheck) {
        let lines = TextWrapper.wrap(text, width: width)
        // The article layout places its parts by this count and makes only
        // the lines shown: a count that differs moves every jump.
        let counted = TextWrapper.lineCount(text, width: width)
        check.expect(counted == lines.count, "lineCount says \(counted) lines, wrap made \(lines.count) at width \(width)")
        guard width >= 1 else {
            check.expect(lines.isEmpty, "wrap at width \(width) gave lines")
            return
        }
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        check.expect(lines.count >= paragraphs, "wrap gave \(lines.count) lines for \(paragraphs) paragraphs")
        for (number, line) in lines.enumerated() {
            let field = "line \(number + 1) of \(lines.count) at width \(width)"
            let columns = DisplayWidth.of(line)
            // At width 1 a 2-column cluster gets a line of its own.
            let oneWideCluster = width == 1 && line.count == 1 && columns == 2
            check.expect(columns <= width || oneWideCluster,
                         "\(field) is \(columns) columns wide: \(TerminalSafety.visible(line))")
            check.expect(!line.contains(where: \.isNewline), "\(field) holds a line break")
            check.expect(line.first != " " && line.first != "\t" && line.last != " " && line.last != "\t",
                         "\(field) starts or ends with a space: \(TerminalSafety.visible(line))")
        }
        check.expect(printedScalars(of: lines.joined(separator: "\n")) == printedScalars(of: text),
                     "wrap lost or reordered text: \(TerminalSafety.visible(lines.joined(separator: "|")))")
    }

    /// Everything but the separators the wrapper may drop or add (spaces,
    /// tabs, line breaks), compared by scalar: joining words with a space
    /// may regroup clusters, which changes no text.
    private static func printedScalars(of text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0x2028, 0x2029].contains($0.value) }
    }
}
