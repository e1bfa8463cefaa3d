import Foundation
import KrantSync

/// The command line's arguments as the shell passed them, as bytes.
///
/// Swift decodes `CommandLine.arguments` as UTF-8 and replaces every
/// invalid byte with U+FFFD, so a file named in Latin-1 (`caf\xE9.txt`)
/// reaches the parser under a name no file has. Its bytes are still in
/// `argv`: this finds them again.
enum ArgumentBytes {
    /// The paths as bytes. A parsed path with U+FFFD in it is matched to the
    /// next argument (in order) that decodes to the same text: the one it
    /// was parsed from, also when two different names decode alike.
    static func paths(_ parsed: [String]) -> [InputPath] {
        let arguments = (1..<Int(CommandLine.argc)).map { index -> [UInt8] in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        }
        var next = 0
        return parsed.map { path in
            guard path.unicodeScalars.contains("\u{FFFD}") else { return InputPath(path) }
            for index in next..<arguments.count where String(decoding: arguments[index], as: UTF8.self) == path {
                next = index + 1
                return InputPath(bytes: arguments[index])
            }
            return InputPath(path)
        }
    }
}
