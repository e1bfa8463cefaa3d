import Foundation

/// A path as the file system has it: bytes, which need not be UTF-8.
///
/// A name saved on another system (Latin-1 `caf\xE9.txt`) is a valid
/// Linux file name, but a Swift `String` cannot hold its invalid byte:
/// Foundation's paths replace it with U+FFFD, and the file is then "not
/// found". The pipeline keeps every path it expands and opens as bytes and
/// turns one into text only to show it (`description`).
public struct InputPath: Hashable, Sendable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    public init(bytes: some Sequence<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// The path as text, when it is valid UTF-8.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The path for messages: valid UTF-8 as it is, every other byte written
    /// as `\xE9`, so the name stays recognisable and can be typed back.
    public var description: String {
        if let string { return string }
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(lead: bytes[index])
            if length > 0, index + length <= bytes.count,
               let character = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                text += character
                index += length
            } else {
                text += "\\x" + (bytes[index] < 0x10 ? "0" : "") + String(bytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return text
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has; 0 for a
    /// byte that cannot start one.
    private static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00..<0x80: 1
        case 0xC2..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0..<0xF5: 4
        default: 0
        }
    }

    /// The last component: a file's or folder's own name.
    var name: ArraySlice<UInt8> {
        let end = bytes.last == UInt8(ascii: "/") ? bytes.count - 1 : bytes.count
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return bytes[start..<end]
    }

    /// The name's extension in lower case ("" without one); extensions that
    /// mean something to krant are ASCII, so the rest of the name may be anything.
    var fileExtension: String {
        let name = name
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// The path of `name` inside this folder.
    func appending(_ name: some Collection<UInt8>) -> InputPath {
        InputPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// The absolute path with `.` and `..` resolved by name (as a shell's
    /// `cd` does, without following links), as `URL.standardizedFileURL`
    /// does for a path that is text.
    var absolute: InputPath {
        var full = bytes
        if full.first != UInt8(ascii: "/") {
            full = InputPath(FileManager.default.currentDirectoryPath).bytes + [UInt8(ascii: "/")] + full
        }
        var components: [ArraySlice<UInt8>] = []
        for component in full.split(separator: UInt8(ascii: "/")) {
            if component.elementsEqual([UInt8(ascii: ".")]) { continue }
            if component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                _ = components.popLast()
                continue
            }
            components.append(component)
        }
        let joined = components.flatMap { [UInt8(ascii: "/")] + $0 }
        return InputPath(bytes: joined.isEmpty ? [UInt8(ascii: "/")] : joined)
    }

    /// Calls `body` with the path as a C string, for `open`, `stat` and `opendir`.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
