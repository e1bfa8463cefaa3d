/// Parses an article as a reader saved it from a news site (the NOS layout):
///
/// ```
///  date 2024-06 ANP Poetin verwelkomt …          metadata + lead photo caption
///
/// NOS Nieuws • vandaag, 11:29 Na Noord-Korea …   SOURCE • WHEN TITLE (the byline)
///
/// Op de eerste dag van zijn staatsbezoek …       paragraphs, one per line
/// ANP De welkomstceremonie bij het …             an inline photo caption
/// Balanceeract                                   a section heading
/// ```
///
/// Every part of the head is optional: without a byline the first line after
/// the lead caption is the title. Each non-blank body line is one block,
/// classified by `classify(_:next:)`.
public struct PlainTextArticleParser: Sendable {
    /// Longest line (in characters) that can still be a section heading.
    public var maximumSectionLength = 80
    /// Longest line that is accepted as a title.
    public var maximumTitleLength = 300
    /// Longest source name in a byline; a longer "source" means the bullet was
    /// part of an ordinary sentence.
    public var maximumSourceLength = 60

    public init() {}

    public struct Result: Sendable {
        public var article: Article
        /// The decoded text (BOM removed, LF line ends, sanitised): the same
        /// article saved twice yields the same text, which makes it an identity.
        public var normalizedText: String
    }

    /// - Parameter readingDay: the day the article was saved (e.g. the file's
    ///   modification day), against which "vandaag" and "zaterdag" resolve.
    public func parse(_ bytes: [UInt8], readingDay: CivilDate? = nil) throws(ArticleRejection) -> Result {
        let text = Sanitizer.cleanText(try ArticleTextDecoder.decode(bytes))
        let article = try parse(text: text, readingDay: readingDay)
        return Result(article: article, normalizedText: text)
    }

    public func parse(text: String, readingDay: CivilDate? = nil) throws(ArticleRejection) -> Article {
        // Split on the byte: splitting by Character walks grapheme clusters.
        var lines = text.utf8.split(separator: 0x0A)
            .map { Sanitizer.collapseSpaces(String(Substring($0)))[...] }
            .filter { !$0.isEmpty }
            .makeIterator()
        guard var line = lines.next() else { throw .empty }

        var yearMonth: (year: Int, month: Int)?
        var leadCaption: Caption?
        if let (metadata, rest) = Self.splitDateLine(line) {
            yearMonth = metadata
            if !rest.isEmpty {
                leadCaption = Self.caption(in: rest) ?? Caption(credit: "", text: String(rest))
            }
            guard let next = lines.next() else { throw .notAnArticle("no title") }
            line = next
        } else if byline(in: line) == nil, let caption = Self.caption(in: line) {
            leadCaption = caption
            guard let next = lines.next() else { throw .notAnArticle("only a photo caption") }
            line = next
        }

        var article = Article(title: "", leadCaption: leadCaption)
        if let byline = byline(in: line) {
            article.source = byline.source
            article.when = byline.when?.text
            article.published = byline.when?.resolve(readingDay: readingDay, yearMonth: yearMonth)
            article.title = String(byline.title)
            if byline.title.isEmpty, let next = lines.next() { article.title = String(next) }
        } else {
            article.title = String(line)
            if article.published == nil, let yearMonth {
                article.published = PublishedDate(year: yearMonth.year, month: yearMonth.month)
            }
        }
        guard !article.title.isEmpty else { throw .notAnArticle("no title") }
        guard article.title.count <= maximumTitleLength else {
            throw .notAnArticle("the first line is \(article.title.count) characters long, too long for a title")
        }

        let body = Array(IteratorSequence(lines))
        for (index, bodyLine) in body.enumerated() {
            article.blocks.append(classify(bodyLine, next: index + 1 < body.count ? body[index + 1] : nil))
        }
        guard article.blocks.contains(where: { if case .paragraph = $0 { true } else { false } }) else {
            throw .notAnArticle("no paragraphs")
        }
        return article
    }

    /// A caption starts with a photo credit and has no final full stop; a
    /// section heading is a short line without final punctuation that stands
    /// between the title and a following block; everything else is a paragraph.
    public func classify(_ line: Substring, next: Substring?) -> Block {
        if let caption = Self.caption(in: line) { return .caption(caption) }
        if next != nil, line.count <= maximumSectionLength, let last = line.last,
           !Self.closingPunctuation.contains(last) {
            return .section(String(line))
        }
        return .paragraph(String(line))
    }

    /// Characters that end a sentence or a quotation: a line ending in one is prose.
    static let closingPunctuation: Set<Character> = [".", "!", "?", ",", ";", ":", "…",
                                                     "\"", "'", "”", "’", "»", ")", "]"]

    /// `CREDIT text` without a final full stop.
    static func caption(in line: Substring) -> Caption? {
        guard line.last != ".", let (credit, rest) = PhotoCredits.splitLeadingCredit(line),
              !rest.isEmpty else { return nil }
        return Caption(credit: credit, text: String(rest))
    }

    /// ` date YYYY-MM rest` → ((year, month), rest).
    static func splitDateLine(_ line: Substring) -> ((year: Int, month: Int), Substring)? {
        guard line.hasPrefix("date ") else { return nil }
        let afterKeyword = line.dropFirst(5)
        let stamp = afterKeyword.prefix { $0 != " " }
        let parts = stamp.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return ((year, month), afterKeyword.dropFirst(stamp.count).drop(while: { $0 == " " }))
    }

    struct Byline {
        var source: String
        var when: WhenExpression?
        var title: Substring
    }

    /// `SOURCE • WHEN TITLE`. The time may be missing; then all after the bullet is the title.
    func byline(in line: Substring) -> Byline? {
        guard let bullet = line.range(of: " • ") ?? line.range(of: "• ") else { return nil }
        let source = line[..<bullet.lowerBound].trimmingSuffix { $0 == " " }
        guard !source.isEmpty, source.count <= maximumSourceLength else { return nil }
        let rest = line[bullet.upperBound...].drop(while: { $0 == " " })
        if let (when, title) = WhenExpression.parsePrefix(rest) {
            return Byline(source: String(source), when: when, title: title)
        }
        return Byline(source: String(source), when: nil, title: rest)
    }
}

extension Substring {
    /// A plain substring search (the core does not import Foundation).
    func range(of needle: String) -> Range<Substring.Index>? {
        guard let first = needle.first else { return nil }
        var index = startIndex
        while let candidate = self[index...].firstIndex(of: first) {
            if self[candidate...].hasPrefix(needle) {
                return candidate..<self.index(candidate, offsetBy: needle.count)
            }
            index = self.index(after: candidate)
        }
        return nil
    }
}
