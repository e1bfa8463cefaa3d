/// An article wrapped to a width: the lines to draw plus where each block
/// begins, so the reader can jump to sections and captions and keep its place
/// across a resize (it remembers a block, not a line number).
///
/// `krant show` prints this layout as plain text and the reader draws it in
/// its article pane: one layout, so both always agree.
///
/// Lines are made only when asked for (`lines(in:)`): making a layout counts
/// each part's lines (`TextWrapper.lineCount`, a pass over the bytes for most
/// text) to know where every part begins, and the reader then wraps only
/// the parts it shows. An article of 20,000 paragraphs opens, and jumps to
/// its end or its last section, without 40,000 lines being made.
public struct ArticleLayout: Sendable {
    /// What a line belongs to: the head (title, byline, lead caption) or a body block.
    public enum Anchor: Hashable, Sendable {
        case head
        case leadCaption
        case block(Int)
        /// The numbered list of link targets after the body.
        case links
        /// The files the article comes with, after the links.
        case enclosures
    }

    /// How many lines the whole article has.
    public private(set) var lineCount = 0
    /// First line of each body block, by block index.
    public private(set) var blockStartLines: [Int] = []
    /// First line of the lead caption, when there is one.
    public private(set) var leadCaptionLine: Int?
    public let width: Int

    private let article: Article
    private let byline: String
    /// The interface's words: the headings after the text, the byline's
    /// date; the article's own text is never translated.
    private let text: UIText
    /// The parts in order, each with its first line; every part has at least one line.
    private var parts: [PlacedPart] = []
    /// Where the links begin, when there are any.
    private var linksLine: Int?
    /// Where the enclosures begin, when there are any.
    private var enclosuresLine: Int?

    /// Caption lines are indented under a bar so they read as apart from the text.
    static let captionBar = "│ "
    static let quoteBar = "┃ "
    static let listBullet = "• "
    static let sectionMark = "§ "

    /// One run of lines made the same way: a blank line, or a text wrapped
    /// with its decorations.
    private enum Part: Sendable {
        case title, byline, blank(Anchor), leadCaption, block(Int), linksHeading, link(Int)
        case enclosuresHeading, enclosure(Int)
    }

    private struct PlacedPart: Sendable {
        var part: Part
        var firstLine: Int
    }

    /// How a part's lines are decorated.
    private enum Wrapping {
        case blank
        case text(role: StyleRole, firstPrefix: String = "", prefixRole: StyleRole = .normal,
                  continuationPrefix: String? = nil)
        case caption(Caption)
    }

    /// The prefixes' widths, measured once rather than for every block.
    private static let captionBarWidth = DisplayWidth.of(captionBar)
    private static let quoteBarWidth = DisplayWidth.of(quoteBar)
    private static let listBulletWidth = DisplayWidth.of(listBullet)
    private static let sectionMarkWidth = DisplayWidth.of(sectionMark)

    public init(article: Article, width: Int, language: Language = .english) {
        self.width = max(1, width)
        self.article = article
        text = UIText(language)
        let when = article.when.map { WhenText.long($0, language: language) }
            ?? article.published.map { DateText.long($0, language: language) }
        byline = [article.source, article.author, when].compactMap { $0 }.joined(separator: " • ")
        place(.title)
        if !byline.isEmpty { place(.byline) }
        if article.leadCaption != nil {
            place(.blank(.head))
            leadCaptionLine = lineCount
            place(.leadCaption)
        }
        blockStartLines.reserveCapacity(article.blocks.count)
        parts.reserveCapacity(parts.count + 2 * article.blocks.count + article.links.count + 2)
        for index in article.blocks.indices {
            place(.blank(.block(index)))
            blockStartLines.append(lineCount)
            place(.block(index))
        }
        if !article.links.isEmpty {
            linksLine = lineCount
            place(.blank(.links))
            place(.linksHeading)
            for index in article.links.indices { place(.link(index)) }
        }
        if !article.enclosures.isEmpty {
            enclosuresLine = lineCount
            place(.blank(.enclosures))
            place(.enclosuresHeading)
            for index in article.enclosures.indices { place(.enclosure(index)) }
        }
    }

    /// Adds a part at the end, counting its lines.
    private mutating func place(_ part: Part) {
        parts.append(PlacedPart(part: part, firstLine: lineCount))
        lineCount += wrappedText(part).map { TextWrapper.lineCount($0.text, width: $0.width) } ?? 1
    }

    /// The lines in `range` (clipped to the article), made now.
    public func lines(in range: Range<Int>) -> [StyledLine] {
        let range = range.clamped(to: 0..<lineCount)
        guard !range.isEmpty else { return [] }
        var result: [StyledLine] = []
        result.reserveCapacity(range.count)
        var index = partIndex(containing: range.lowerBound)
        while index < parts.count, parts[index].firstLine < range.upperBound {
            let placed = parts[index]
            let made = lines(of: placed.part)
            let from = max(range.lowerBound, placed.firstLine) - placed.firstLine
            let to = min(range.upperBound, placed.firstLine + made.count) - placed.firstLine
            result += made[from..<to]
            index += 1
        }
        return result
    }

    /// Every line of the article (for `krant show` and tests; the reader asks
    /// for the lines it shows with `lines(in:)`).
    public var lines: [StyledLine] { lines(in: 0..<lineCount) }

    /// What a line belongs to.
    public func anchor(ofLine line: Int) -> Anchor {
        guard lineCount > 0 else { return .head }
        return anchor(of: parts[partIndex(containing: min(max(0, line), lineCount - 1))].part)
    }

    /// The anchor of every line, parallel to `lines`.
    public var anchors: [Anchor] {
        parts.indices.flatMap { index in
            let end = index + 1 < parts.count ? parts[index + 1].firstLine : lineCount
            return Array(repeating: anchor(of: parts[index].part), count: end - parts[index].firstLine)
        }
    }

    /// Line numbers where section headings start, in order.
    public func sectionLines(in article: Article) -> [Int] {
        article.blocks.indices.compactMap { index in
            if case .section = article.blocks[index] { blockStartLines[index] } else { nil }
        }
    }

    /// Line numbers where captions start (the lead caption first), in order.
    public func captionLines(in article: Article) -> [Int] {
        let inline = article.blocks.indices.compactMap { index -> Int? in
            if case .caption = article.blocks[index] { blockStartLines[index] } else { nil }
        }
        return (leadCaptionLine.map { [$0] } ?? []) + inline
    }

    /// The first line of an anchor, to restore a reading position after re-wrapping.
    public func firstLine(of anchor: Anchor) -> Int {
        switch anchor {
        case .head: 0
        case .leadCaption: leadCaptionLine ?? 0
        case .block(let index): index < blockStartLines.count ? blockStartLines[index] : max(0, lineCount - 1)
        case .links: linksLine ?? max(0, lineCount - 1)
        case .enclosures: enclosuresLine ?? max(0, lineCount - 1)
        }
    }

    /// The whole layout as plain text, one string per line (for `krant show` and tests).
    public var plainLines: [String] { lines.map(\.text) }

    // MARK: - Parts

    /// The last part starting at or before `line`, by binary search.
    private func partIndex(containing line: Int) -> Int {
        var low = 0
        var high = parts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if parts[middle].firstLine <= line { low = middle } else { high = middle }
        }
        return low
    }

    private func anchor(of part: Part) -> Anchor {
        switch part {
        case .title, .byline: .head
        case .blank(let anchor): anchor
        case .leadCaption: .leadCaption
        case .block(let index): .block(index)
        case .linksHeading, .link: .links
        case .enclosuresHeading, .enclosure: .enclosures
        }
    }

    /// The text a part wraps and the width it wraps it to (less its
    /// prefix's when there is room for one); nil for a blank line. Counting
    /// and making lines both start here, so they agree.
    private func wrappedText(_ part: Part) -> (text: String, width: Int)? {
        switch part {
        case .blank: return nil
        case .title: return (article.title, width)
        case .byline: return (byline, width)
        case .linksHeading: return (text.linksHeading, width)
        case .leadCaption: return article.leadCaption.map(captionText)
        case .link(let index): return (article.links[index], width(after: DisplayWidth.of(linkNumber(index))))
        case .enclosuresHeading: return (text.enclosuresHeading, width)
        case .enclosure(let index): return (enclosureText(article.enclosures[index]), width(after: Self.listBulletWidth))
        case .block(let index):
            switch article.blocks[index] {
            case .paragraph(let text): return (text, width)
            case .section(let title): return (title, width(after: Self.sectionMarkWidth))
            case .quote(let text): return (text, width(after: Self.quoteBarWidth))
            case .listItem(let text): return (text, width(after: Self.listBulletWidth))
            case .caption(let caption): return captionText(caption)
            }
        }
    }

    /// A caption is wrapped as `CREDIT · text` behind the bar.
    private func captionText(_ caption: Caption) -> (text: String, width: Int) {
        (caption.credit.isEmpty ? caption.text : caption.credit + " · " + caption.text, width(after: Self.captionBarWidth))
    }

    /// The width left after a prefix, or the whole width when fewer than
    /// four columns would be left: then the prefix is dropped.
    private func width(after prefixWidth: Int) -> Int {
        width - prefixWidth >= 4 ? width - prefixWidth : width
    }

    private func linkNumber(_ index: Int) -> String { "[\(index + 1)] " }

    /// `URL (type, size)`, as much of it as the feed gave.
    private func enclosureText(_ enclosure: Enclosure) -> String {
        let details = [enclosure.type, enclosure.length.map(text.fileSize)].compactMap { $0 }.joined(separator: ", ")
        return details.isEmpty ? enclosure.url : "\(enclosure.url) (\(details))"
    }

    private func wrapping(_ part: Part) -> Wrapping {
        switch part {
        case .title: return .text(role: .title)
        case .byline: return .text(role: .byline)
        case .blank: return .blank
        case .leadCaption: return article.leadCaption.map(Wrapping.caption) ?? .blank
        case .linksHeading, .enclosuresHeading: return .text(role: .dim)
        case .enclosure: return .text(role: .dim, firstPrefix: Self.listBullet, prefixRole: .dim, continuationPrefix: "  ")
        case .link(let index):
            let number = linkNumber(index)
            return .text(role: .dim, firstPrefix: number, prefixRole: .dim,
                         continuationPrefix: String(repeating: " ", count: number.count))
        case .block(let index):
            switch article.blocks[index] {
            case .paragraph: return .text(role: .normal)
            case .section: return .text(role: .section, firstPrefix: Self.sectionMark, prefixRole: .section)
            case .caption(let caption): return .caption(caption)
            case .quote: return .text(role: .quote, firstPrefix: Self.quoteBar, prefixRole: .quote, continuationPrefix: Self.quoteBar)
            case .listItem:
                return .text(role: .normal, firstPrefix: Self.listBullet, prefixRole: .listMarker, continuationPrefix: "  ")
            }
        }
    }

    private func lines(of part: Part) -> [StyledLine] {
        guard let wrapped = wrappedText(part) else { return [StyledLine()] }
        let texts = TextWrapper.wrap(wrapped.text, width: wrapped.width)
        // Narrower than the whole width: there was room for the prefix.
        let decorated = wrapped.width != width
        switch wrapping(part) {
        case .blank:
            return [StyledLine()]
        case .text(let role, let firstPrefix, let prefixRole, let continuationPrefix):
            return texts.enumerated().map { index, line in
                var spans: [StyledSpan] = []
                if decorated {
                    let prefix = index == 0
                        ? firstPrefix : (continuationPrefix ?? String(repeating: " ", count: DisplayWidth.of(firstPrefix)))
                    if !prefix.isEmpty { spans.append(StyledSpan(prefix, prefixRole)) }
                }
                spans.append(StyledSpan(line, role))
                return StyledLine(spans)
            }
        case .caption(let caption):
            guard decorated else { return texts.map { StyledLine([StyledSpan($0, .captionText)]) } }
            return texts.enumerated().map { index, line in
                var spans = [StyledSpan(Self.captionBar, .captionCredit)]
                if index == 0, !caption.credit.isEmpty, line.hasPrefix(caption.credit) {
                    spans.append(StyledSpan(caption.credit, .captionCredit))
                    spans.append(StyledSpan(String(line.dropFirst(caption.credit.count)), .captionText))
                } else {
                    spans.append(StyledSpan(line, .captionText))
                }
                return StyledLine(spans)
            }
        }
    }
}
