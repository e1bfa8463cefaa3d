import Foundation
import KrantCore
import KrantFeeds
import KrantStore

/// Reads and parses one saved plain-text article: the read and parse steps
/// of the pipeline for `.txt` inputs.
struct TextArticleFile: Sendable {
    var parser = PlainTextArticleParser()
    /// Largest file read as an article: the limit every input has (a feed
    /// file's, an OPML file's). A news article is a few kilobytes, but a
    /// saved long report or live blog runs to megabytes.
    var sizeLimit = FeedParser.defaultSizeLimit
    /// Whether "vandaag" and "gisteren" count back from the file's
    /// modification day. Off for the bundled samples, whose file times only
    /// say when krant was installed.
    var datesFromFileTimes = true
    /// The category every article read gets (see `Ingestion.savedArticleCategory`).
    var category: String?

    /// The article and its identity, the hash of its normalised text, so the
    /// same article saved twice (or copied elsewhere) is one article.
    func parse(_ path: InputPath) -> Result<(article: Article, identity: String), ArticleRejection> {
        let contents: InputFiles.Contents
        switch InputFiles.read(path, limit: sizeLimit) {
        case .success(let read):
            contents = read
        case .failure(.unreadable(let reason)):
            return .failure(.unreadable(reason))
        case .failure(.tooLarge(let size, let limit)):
            return .failure(.notAnArticle("\(InputFiles.megabytes(size)) MB, more than the \(InputFiles.megabytes(limit)) MB an article may have"))
        }
        do {
            let readingDay = datesFromFileTimes ? Self.localDay(of: contents.modified.tv_sec) : nil
            let result = try parser.parse([UInt8](contents.bytes), readingDay: readingDay)
            var article = result.article
            if let category { article.category = category }
            article.origin = .file(path: path.string.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                                   ?? path.absolute.description)
            return .success((article, ArticleIdentity.forText(result.normalizedText)))
        } catch {
            return .failure(error)
        }
    }

    /// The day the file was saved, in local time: what "vandaag" meant to its reader.
    /// Plain `localtime_r`: FileManager's attributes also look up the owner's
    /// name, an NSS query per file.
    static func localDay(of time: time_t) -> CivilDate? {
        var seconds = time
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return nil }
        return CivilDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
    }
}
