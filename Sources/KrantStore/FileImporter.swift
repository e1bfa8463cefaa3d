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

    public init(store: ArticleStore) {
        self.store = store
    }

    /// Imports every path: a file is parsed whatever its name; a folder is
    /// searched recursively for `.txt` files (hidden ones skipped).
    /// `onRejected` is called as soon as an input is rejected, so a long import
    /// reports problems while it runs.
    public func importPaths(_ paths: [String],
                            onRejected: (_ path: String, _ reason: String) -> Void = { _, _ in }) throws -> Report {
        var report = Report()
        var batch: [(article: Article, identity: String)] = []

        func flush() throws {
            guard !batch.isEmpty else { return }
            for outcome in try store.insert(batch) {
                switch outcome {
                case .inserted(let id): report.inserted.append(id)
                case .alreadyPresent: report.alreadyPresent += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
        }

        for file in Self.files(in: paths, onMissing: { path, reason in
            report.rejected.append((path, reason))
            onRejected(path, reason)
        }) {
            switch parseFile(file) {
            case .success(let parsed):
                batch.append(parsed)
                if batch.count >= batchSize { try flush() }
            case .failure(let rejection):
                report.rejected.append((file, rejection.description))
                onRejected(file, rejection.description)
            }
        }
        try flush()
        return report
    }

    /// Reads and parses one file; the identity is the hash of its normalised
    /// text, so the same article saved twice (or copied elsewhere) is one article.
    public func parseFile(_ path: String) -> Result<(article: Article, identity: String), ArticleRejection> {
        let url = URL(fileURLWithPath: path)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            return .failure(.unreadable(Self.readableReason(error)))
        }
        do {
            let result = try parser.parse(bytes, readingDay: Self.modificationDay(of: path))
            var article = result.article
            article.origin = .file(path: url.standardizedFileURL.path)
            return .success((article, ArticleIdentity.forText(result.normalizedText)))
        } catch {
            return .failure(error)
        }
    }

    /// The day the file was saved, in local time: what "vandaag" meant to its reader.
    static func modificationDay(of path: String) -> CivilDate? {
        guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        else { return nil }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Expands folders into their `.txt` files (sorted, so imports are repeatable).
    static func files(in paths: [String], onMissing: (String, String) -> Void) -> [String] {
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
            let root = URL(fileURLWithPath: path)
            guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                  options: [.skipsHiddenFiles]) else {
                onMissing(path, "folder cannot be read")
                continue
            }
            var found: [String] = []
            for case let url as URL in walker where url.pathExtension.lowercased() == "txt" {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                    found.append(url.path)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
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
