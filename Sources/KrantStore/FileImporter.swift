import Foundation
import KrantCore

/// Imports saved plain-text articles from files and folders into the store.
///
/// Bad inputs never stop an import: each is reported by name with its reason
/// while the others go in. Articles are inserted in batches, one transaction
/// per batch, so an import killed half-way leaves whole articles only.
public struct FileImporter: Sendable {
    public struct Report: Sendable {
        public var inserted: [Int64] = []
        public var alreadyPresent = 0
        public var rejected: [(path: String, reason: String)] = []
    }

    public let store: ArticleStore
    public var parser = PlainTextArticleParser()
    /// Articles per transaction: large enough to amortise the commit, small
    /// enough to keep memory flat on big folders.
    public var batchSize = 500
    /// Largest file read as an article. A news article is a few kilobytes;
    /// anything near this is a log or a dump, and would only freeze the
    /// reader while it wraps megabytes of text.
    public var sizeLimit = 2 * 1024 * 1024
    /// Whether "vandaag" and "gisteren" count back from the file's
    /// modification day. Off for the bundled samples, whose file times only
    /// say when krant was installed.
    public var datesFromFileTimes = true
    /// When the new articles enter the search index (see `SearchIndexing`).
    public var searchIndexing = SearchIndexing.now

    public init(store: ArticleStore) {
        self.store = store
    }

    /// Imports every path: a file is parsed whatever its name; a folder is
    /// searched recursively for `.txt` files (hidden ones skipped).
    /// `onRejected` is called as soon as an input is rejected, so a long import
    /// reports problems while it runs.
    public func importPaths(_ paths: [String],
                            onRejected: (_ path: String, _ reason: String) -> Void = { _, _ in }) throws -> Report {
        var missing: [(path: String, reason: String)] = []
        let files = Self.expand(paths, extensions: ["txt"]) { path, reason in
            missing.append((path, reason))
            onRejected(path, reason)
        }
        var report = try importFiles(files, onRejected: onRejected)
        report.rejected.insert(contentsOf: missing, at: 0)
        return report
    }

    /// Imports files that are already known to be files (see `expand`).
    public func importFiles(_ files: [String],
                            onRejected: (_ path: String, _ reason: String) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        var batch: [(article: Article, identity: String)] = []

        func flush() throws {
            guard !batch.isEmpty else { return }
            for outcome in try store.insert(batch, indexing: searchIndexing) {
                switch outcome {
                case .inserted(let id): report.inserted.append(id)
                case .alreadyPresent: report.alreadyPresent += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
        }

        // Parse a batch on every core, then insert it in one transaction;
        // results are handled in file order, so reports stay repeatable.
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let chunk = Array(files[start..<min(files.count, start + batchSize)])
            for (file, result) in zip(chunk, chunk.concurrentMap(parseFile)) {
                switch result {
                case .success(let parsed):
                    batch.append(parsed)
                case .failure(let rejection):
                    report.rejected.append((file, rejection.description))
                    onRejected(file, rejection.description)
                }
            }
            try flush()
        }
        try flush()
        return report
    }

    /// Reads and parses one file; the identity is the hash of its normalised
    /// text, so the same article saved twice (or copied elsewhere) is one article.
    public func parseFile(_ path: String) -> Result<(article: Article, identity: String), ArticleRejection> {
        let url = URL(fileURLWithPath: path)
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        // A FIFO or a device would block or never end; say what it is.
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        guard status.st_size <= sizeLimit else {
            return .failure(.notAnArticle("\(Self.megabytes(Int(status.st_size))) MB, more than the \(Self.megabytes(sizeLimit)) MB an article may have"))
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            return .failure(.unreadable(Self.readableReason(error)))
        }
        do {
            let readingDay = datesFromFileTimes ? Self.localDay(of: status.st_mtim.tv_sec) : nil
            let result = try parser.parse(bytes, readingDay: readingDay)
            var article = result.article
            article.origin = .file(path: url.standardizedFileURL.path)
            return .success((article, ArticleIdentity.forText(result.normalizedText)))
        } catch {
            return .failure(error)
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// The day the file was saved, in local time: what "vandaag" meant to its reader.
    /// Plain `stat` and `localtime_r`: FileManager's attributes also look up
    /// the owner's name, an NSS query per file.
    static func localDay(of time: time_t) -> CivilDate? {
        var seconds = time
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return nil }
        return CivilDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
    }

    /// Expands folders into their files with one of `extensions` (sorted, so
    /// imports are repeatable); a file named directly is kept whatever its name.
    public static func expand(_ paths: [String], extensions: Set<String>,
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

    private static func readableReason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
