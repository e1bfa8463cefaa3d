import Foundation

/// A file under /proc, read to its end. These files say they are empty, and
/// `String(contentsOfFile:)` then stops after its first read: 4 KB of a
/// process's maps (measured), or of /proc/locks on a busy machine.
public enum ProcFile {
    public static func contents(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}
