import Foundation

/// The first two steps of the pipeline for local inputs: expanding folders
/// into files, and reading a file with the checks every input gets (a
/// regular file, within a size limit, readable).
enum InputFiles {
    /// Expands folders into their files with one of `extensions` (sorted, so
    /// imports are repeatable); a file named directly is kept whatever its name.
    static func expand(_ paths: [String], extensions: Set<String>,
                       onMissing: (_ path: String, _ reason: String) -> Void) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                onMissing(path, "no such file or directory")
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            guard collectFiles(in: path, extensions: extensions, into: &found) else {
                onMissing(path, "folder cannot be read")
                continue
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Walks a folder with `readdir`, which says whether an entry is a file or
    /// a folder without a `stat` per entry; hidden entries are skipped, and
    /// links to folders are not followed (no cycles).
    private static func collectFiles(in folder: String, extensions: Set<String>, into found: inout [String]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
                // A link to a folder is not followed; a link to a file is read.
                if isDirectory && type == UInt8(DT_LNK) { continue }
                type = isDirectory ? UInt8(DT_DIR) : ((status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0)
            }
            if type == UInt8(DT_DIR) {
                _ = collectFiles(in: path, extensions: extensions, into: &found)
            } else if type == UInt8(DT_REG), let dot = name.lastIndex(of: "."),
                      extensions.contains(name[name.index(after: dot)...].lowercased()) {
                found.append(path)
            }
        }
        return true
    }

    /// A file's bytes and when it was last changed.
    struct Contents {
        var bytes: Data
        var modified: timespec
    }

    /// Why a file could not be read, in words for the user.
    enum Failure: Error {
        /// Missing, unreadable, not a regular file.
        case unreadable(String)
        /// Larger than the limit: `size` and `limit` in bytes.
        case tooLarge(size: Int, limit: Int)
    }

    /// The size and modification time of a regular file, without reading it.
    static func status(of path: String) -> Result<stat, Failure> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        // A FIFO or a device would block or never end; say what it is.
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        return .success(status)
    }

    /// Reads a regular file of at most `limit` bytes.
    static func read(_ path: String, limit: Int) -> Result<Contents, Failure> {
        status(of: path).flatMap { read(path, found: $0, limit: limit) }
    }

    /// Reads a file whose `status` the caller has taken already.
    static func read(_ path: String, found status: stat, limit: Int) -> Result<Contents, Failure> {
        guard status.st_size <= limit else { return .failure(.tooLarge(size: Int(status.st_size), limit: limit)) }
        do {
            return .success(Contents(bytes: try Data(contentsOf: URL(fileURLWithPath: path)), modified: status.st_mtim))
        } catch {
            return .failure(.unreadable(readableReason(error)))
        }
    }

    /// "size-mtime" of a file, in nanoseconds: a feed file's validator, as an
    /// ETag is a server's.
    static func validator(_ status: stat) -> String {
        "file:\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    private static func readableReason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
