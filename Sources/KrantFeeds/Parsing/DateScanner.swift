import Foundation

/// A cursor over the bytes of a date string, with the two grammars
/// `FeedDateParser` accepts.
struct DateScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Zone abbreviations seen in feeds, in minutes east of UTC. Military
    /// single letters other than Z are ambiguous in practice and read as UTC.
    private static let zones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
        "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "BST": 60, "WEST": 60, "EET": 120, "EEST": 180,
    ]

    /// English month abbreviations, plus the Dutch ones Dutch sites sometimes use.
    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    ]

    var peekIsDigit: Bool { index < bytes.count && isDigit(bytes[index]) }

    // MARK: RFC 3339 / ISO 8601: 2024-06-19T11:29:05.123+02:00, 2024-06-19 11:29Z, 2024-06-19

    mutating func iso8601() -> Date? {
        guard let year = number(exactly: 4), skip("-"), let month = number(exactly: 2), skip("-"),
              let day = number(exactly: 2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if skip("T") || skip("t") || (skip(" ") && peekIsDigit) {
            guard let time = clockTime(hourDigits: 2) else { return nil }
            (hour, minute, second) = time
            skipSpaces()
            if index < bytes.count {
                guard let zone = zoneOffset() else { return nil }
                offset = zone
            }
        }
        skipSpaces()
        guard index == bytes.count else { return nil }
        return date(year, month, day, hour, minute, second, offsetMinutes: offset)
    }

    // MARK: RFC 822 / 1123: [Wed,] 4 Oct [20]26 04:52[:02] [+0000|GMT|CEST]

    mutating func rfc822() -> Date? {
        skipSpaces()
        if index < bytes.count, isLetter(bytes[index]) {  // optional weekday, with or without comma
            _ = word()
            _ = skip(",")
            skipSpaces()
        }
        guard let day = number(upTo: 2) else { return nil }
        skipSeparators()
        guard let monthWord = word(), monthWord.count >= 3,
              let month = Self.months[String(monthWord.prefix(3)).lowercased()] else { return nil }
        skipSeparators()
        let yearStart = index
        guard var year = number(upTo: 4) else { return nil }
        if index - yearStart <= 2 { year += year < 50 ? 2000 : 1900 }
        skipSpaces()
        var hour = 0, minute = 0, second = 0
        if peekIsDigit {
            guard let time = clockTime(hourDigits: nil) else { return nil }
            (hour, minute, second) = time
        }
        skipSpaces()
        var offset = 0
        if index < bytes.count {
            guard let zone = zoneOffset() else { return nil }
            offset = zone
        }
        return date(year, month, day, hour, minute, second, offsetMinutes: offset)
    }

    // MARK: Pieces

    /// `hh:mm[:ss[.fraction]]`; the hour has exactly `hourDigits` digits, or
    /// one or two when nil (RFC 822 writers drop the zero). A fraction of a
    /// second is skipped.
    private mutating func clockTime(hourDigits: Int?) -> (hour: Int, minute: Int, second: Int)? {
        let hour = hourDigits.map { number(exactly: $0) } ?? number(upTo: 2)
        guard let hour, skip(":"), let minute = number(exactly: 2) else { return nil }
        var second = 0
        if skip(":") {
            guard let s = number(exactly: 2) else { return nil }
            second = s
            if skip(".") || skip(",") { while peekIsDigit { index += 1 } }
        }
        return (hour, minute, second)
    }

    /// `Z`, `+02:00`, `+0200`, `-05`, or a zone name; trailing text after a
    /// name (`GMT+1`, `(CET)`) is tolerated only as a comment in parentheses.
    private mutating func zoneOffset() -> Int? {
        guard index < bytes.count else { return 0 }
        let sign = bytes[index]
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            index += 1
            guard let hours = number(exactly: 2) else { return nil }
            _ = skip(":")
            let minutes = number(exactly: 2) ?? 0
            guard hours <= 14, minutes < 60 else { return nil }
            skipSpaces()
            skipComment()
            guard index == bytes.count else { return nil }
            let total = hours * 60 + minutes
            return sign == UInt8(ascii: "-") ? -total : total
        }
        guard let name = word() else { return nil }
        skipSpaces()
        skipComment()
        guard index == bytes.count else { return nil }
        return Self.zones[name.uppercased()] ?? (name.count == 1 ? 0 : nil)
    }

    private mutating func skipComment() {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return }
        while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
        if index < bytes.count { index += 1 }
        skipSpaces()
    }

    private func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                      offsetMinutes: Int) -> Date? {
        guard FeedDateParser.isValid(year: year, month: month, day: day, hour: hour, minute: minute,
                                     second: second) else { return nil }
        let local = FeedDateParser.epochSeconds(year: year, month: month, day: day, hour: hour,
                                                minute: minute, second: min(second, 59))
        return Date(timeIntervalSince1970: TimeInterval(local - offsetMinutes * 60))
    }

    private mutating func number(exactly count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    private mutating func number(upTo count: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < count, index < bytes.count, isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    private mutating func word() -> String? {
        let start = index
        while index < bytes.count, isLetter(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
            || bytes[index] == 0x0D { index += 1 }
    }

    /// Between day, month and year: spaces, or the dashes of `04-Oct-2026`.
    private mutating func skipSeparators() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "-") { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
