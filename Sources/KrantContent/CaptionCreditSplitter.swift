import Foundation
import KrantCore

/// Separates a photo credit from caption text. Feeds put credits on either
/// side and spell them many ways (`ANP Foo`, `Foo (EPA)`, `Foo Foto: AFP`,
/// `Foo / Reuters`, `Foo © Reuters`); agencies come from `PhotoCredits`, so
/// a new agency added there is recognised here too.
package enum CaptionCreditSplitter {
    /// Words that announce a credit; what follows them is the credit even when
    /// it names a photographer rather than an agency.
    private static let markers = ["Foto:", "Foto's:", "Beeld:", "Photo:", "Image:", "Credit:", "Fotografie:", "©"]

    /// Longest credit accepted after a marker: beyond this it is prose.
    private static let maxCreditLength = 60

    /// The caption with its credit split off; credit "" when there is none.
    package static func split(_ text: String) -> Caption {
        let line = Substring(text)
        if let (credit, rest) = PhotoCredits.splitLeadingCredit(line) {
            return Caption(credit: credit, text: trimmed(rest))
        }
        if let (credit, rest) = leadingMarkedCredit(line) { return Caption(credit: credit, text: rest) }
        if let (credit, rest) = leadingSeparatedCredit(line) { return Caption(credit: credit, text: rest) }
        if let (credit, rest) = trailingCredit(line) { return Caption(credit: credit, text: rest) }
        return Caption(credit: "", text: text)
    }

    /// A caption whose credit the feed gave separately (media:credit): the
    /// credit is removed from the text when the text repeats it at either end.
    package static func caption(text: String, knownCredit: String) -> Caption {
        let split = split(text)
        let credit = stripMarker(Substring(knownCredit))
        if !split.credit.isEmpty, split.credit == credit || knownCredit.contains(split.credit) {
            return Caption(credit: credit, text: split.text)
        }
        if text.hasSuffix(credit), text.count > credit.count {
            return Caption(credit: credit, text: trimmed(text.dropLast(credit.count)))
        }
        return Caption(credit: credit, text: text)
    }

    /// Whether the whole of `text` is a known credit (`EPA`, `ANP/Hollandse Hoogte`).
    package static func isAgencyCredit(_ text: Substring) -> Bool {
        guard let (_, rest) = PhotoCredits.splitLeadingCredit(Substring(text + " ")) else { return false }
        return rest.isEmpty
    }

    /// `Foto: ANP De ceremonie ...` — a marked credit in front is rare, but only
    /// a known agency is accepted there, since the text follows without a separator.
    private static func leadingMarkedCredit(_ line: Substring) -> (String, String)? {
        for marker in markers where line.hasPrefix(marker) {
            let afterMarker = line.dropFirst(marker.count).drop(while: { $0 == " " })
            if let (credit, rest) = PhotoCredits.splitLeadingCredit(afterMarker) {
                return (credit, trimmed(rest))
            }
        }
        return nil
    }

    /// `Reuters / Een demonstratie`, `ANP | Een dijk`.
    private static func leadingSeparatedCredit(_ line: Substring) -> (String, String)? {
        for separator in [" / ", " | ", " - ", " – ", ": "] {
            guard let range = line.range(of: separator) else { continue }
            let credit = line[..<range.lowerBound]
            if isAgencyCredit(credit) { return (String(credit), trimmed(line[range.upperBound...])) }
        }
        return nil
    }

    private static func trailingCredit(_ line: Substring) -> (String, String)? {
        // Foo (EPA), Foo (Foto: Jan Jansen)
        if line.hasSuffix(")"), let open = line.lastIndex(of: "(") {
            let inside = line[line.index(after: open)..<line.index(before: line.endIndex)]
            let hasMarker = markers.contains { inside.hasPrefix($0) }
            let credit = stripMarker(inside)
            if isAgencyCredit(Substring(credit)) || (hasMarker && !credit.isEmpty) {
                return (credit, trimmed(line[..<open]))
            }
        }
        // Foo Foto: AFP, Foo © Reuters
        for marker in markers {
            guard let range = line.range(of: marker, options: .backwards) else { continue }
            let credit = trimmed(line[range.upperBound...])
            if !credit.isEmpty, credit.count <= maxCreditLength, range.lowerBound > line.startIndex {
                return (credit, trimmed(line[..<range.lowerBound]))
            }
        }
        // Foo / Reuters, Foo | ANP
        for separator in [" / ", " | ", " - ", " – "] {
            guard let range = line.range(of: separator, options: .backwards) else { continue }
            let credit = line[range.upperBound...].drop(while: { $0 == " " })
            if isAgencyCredit(credit) { return (String(credit), trimmed(line[..<range.lowerBound])) }
        }
        // Foo ANP, Foo ANP/Hollandse Hoogte: known agencies as the last words,
        // as NOS prints them under a photo. Only known agencies in their exact
        // spelling, so an ordinary last word is never taken for a credit.
        var credit: Substring.Index?
        var cursor = line.endIndex
        for _ in 0..<4 {
            guard let space = line[..<cursor].lastIndex(of: " ") else { break }
            if isAgencyCredit(line[line.index(after: space)...]) { credit = line.index(after: space) }
            cursor = space
        }
        if let credit, case let text = trimmed(line[..<credit]), !text.isEmpty {
            return (String(line[credit...]), text)
        }
        return nil
    }

    private static func stripMarker(_ text: Substring) -> String {
        for marker in markers where text.hasPrefix(marker) {
            return trimmed(text.dropFirst(marker.count))
        }
        return trimmed(text)
    }

    /// Trims spaces and the punctuation that joined text and credit.
    private static func trimmed(_ text: Substring) -> String {
        let separators: Set<Character> = [" ", "-", "–", "—", "|", "/", ",", ";", ":"]
        var result = text
        while let first = result.first, separators.contains(first) { result = result.dropFirst() }
        while let last = result.last, separators.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
