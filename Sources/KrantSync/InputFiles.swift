import Foundation

/// The first two steps of the pipeline for local inputs: expanding folders
/// into files, and reading a file with the checks every input gets (a
/// regular file, within a size limit, readable).
enum InputFiles {
    /// Expands folders into their files with one of `extensions` (sorted by
    /// name, so imports are repeatable); a file named directly is kept
    /// whatever its name. Paths stay bytes throughout (`InputPath`).
    static func expand(_ paths: [InputPath], extensions: Set<String>,
                       onMissing: (_ path: InputPath, _ reason: String) -> Void) -> [InputPath] {
        var files: [InputPath] = []
        for path in paths {
            var status = stat()
            guard path.withCString({ stat($0, &status) }) == 0 else {
                onMissing(path, errno == ENOENT || errno == ENOTDIR
                          ? "no such file or directory" : "cannot be read (\(String(cString: strerror(errno))))")
                continue
            }
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                files.append(path)
                continue
            }
            var found: [InputPath] = []
            guard collectFiles(in: path, extensions: extensions, into: &found) else {
                onMissing(path, "folder cannot be read")
                continue
            }
            files.append(contentsOf: found.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) })
        }
        return files
    }

    /// Walks a folder with `readdir`, which says whether an entry is a file or
    /// a folder without a `stat` per entry; hidden entries are skipped, and
    /// links to folders are not followed (no cycles).
    private static func collectFiles(in folder: InputPath, extensions: Set<String>, into found: inout [InputPath]) -> Bool {
        guard let directory = folder.withCString({ opendir($0) }) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.first != UInt8(ascii: ".") else { continue }
            let path = folder.appending(name)
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var status = stat()
                guard path.withCString({ stat($0, &status) }) == 0 else { continue }
                let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
                // A link to a folder is not followed; a link to a file is read.
                if isDirectory && type == UInt8(DT_LNK) { continue }
                type = isDirectory ? UInt8(DT_DIR) : ((status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0)
            }
            if type == UInt8(DT_DIR) {
                _ = collectFiles(in: path, extensions: extensions, into: &found)
            } else if type == UInt8(DT_REG), extensions.contains(path.fileExtension) {
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
    static func status(of path: InputPath) -> Result<stat, Failure> {
        var status = stat()
        guard path.withCString({ stat($0, &status) }) == 0 else { return .failure(.unreadable(lastError())) }
        // A FIFO or a device would block or never end; say what it is.
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        return .success(status)
    }

    /// Reads a regular file of at most `limit` bytes.
    static func read(_ path: InputPath, limit: Int) -> Result<Contents, Failure> {
        status(of: path).flatMap { read(path, found: $0, limit: limit) }
    }

    /// Reads a file whose `status` the caller has taken already, opened by
    /// its bytes. A file that grew past `limit` since is refused all the same.
    static func read(_ path: InputPath, found status: stat, limit: Int) -> Result<Contents, Failure> {
        guard status.st_size <= limit else { return .failure(.tooLarge(size: Int(status.st_size), limit: limit)) }
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(.unreadable(lastError())) }
        defer { close(descriptor) }
        // One byte more than the size it had, so a file that grew is noticed
        // without a second read.
        var bytes = Data(count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .failure(.tooLarge(size: filled, limit: limit)) }
                bytes.count = min(limit + 1, bytes.count * 2)
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(filled))
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable(lastError())) }
            if count == 0 { break }
            filled += count
        }
        bytes.count = filled
        return .success(Contents(bytes: bytes, modified: status.st_mtim))
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

    /// The last system call's error in words ("No such file or directory").
    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
