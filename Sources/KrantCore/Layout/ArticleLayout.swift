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
    /// The parts in order, each with its first line; every part has at least one line.
    private var parts: [PlacedPart] = []
    /// Where the links begin, when there are any.
    private var linksLine: Int?

    /// Caption lines are indented under a bar so they read as apart from the text.
    static let captionBar = "│ "
    static let quoteBar = "┃ "
    static let listBullet = "• "
    static let sectionMark = "§ "

    /// One run of lines made the same way: a blank line, or a text wrapped
    /// with its decorations.
    private enum Part: Sendable {
        case title, byline, blank(Anchor), leadCaption, block(Int), linksHeading, link(Int)
    }

    private struct PlacedPart: Sendable {
        var part: Part
        var firstLine: Int
    }

    /// How a part's text is wrapped and decorated.
    private enum Wrapping {
        case blank
        case text(String, role: StyleRole, firstPrefix: String = "", prefixRole: StyleRole = .normal,
                  continuationPrefix: String? = nil)
        case caption(Caption)
    }

    public init(article: Article, width: Int) {
        self.width = max(1, width)
        self.article = article
        let when = article.when ?? article.published.map(DateText.long)
        byline = [article.source, when].compactMap { $0 }.joined(separator: " • ")
        var line = 0
        func place(_ part: Part) {
            parts.append(PlacedPart(part: part, firstLine: line))
            line += count(of: wrapping(part))
        }
        place(.title)
        if !byline.isEmpty { place(.byline) }
        if article.leadCaption != nil {
            place(.blank(.head))
            leadCaptionLine = line
            place(.leadCaption)
        }
        blockStartLines.reserveCapacity(article.blocks.count)
        parts.reserveCapacity(parts.count + 2 * article.blocks.count + article.links.count + 2)
        for index in article.blocks.indices {
            place(.blank(.block(index)))
            blockStartLines.append(line)
            place(.block(index))
        }
        if !article.links.isEmpty {
            linksLine = line
            place(.blank(.links))
            place(.linksHeading)
            for index in article.links.indices { place(.link(index)) }
        }
        lineCount = line
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
            let made = lines(of: wrapping(placed.part))
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
        }
    }

    private func wrapping(_ part: Part) -> Wrapping {
        switch part {
        case .title: return .text(article.title, role: .title)
        case .byline: return .text(byline, role: .byline)
        case .blank: return .blank
        case .leadCaption: return article.leadCaption.map(Wrapping.caption) ?? .blank
        case .linksHeading: return .text("Links", role: .dim)
        case .link(let index):
            let number = "[\(index + 1)] "
            return .text(article.links[index], role: .dim, firstPrefix: number, prefixRole: .dim,
                         continuationPrefix: String(repeating: " ", count: number.count))
        case .block(let index):
            switch article.blocks[index] {
            case .paragraph(let text):
                return .text(text, role: .normal)
            case .section(let title):
                return .text(title, role: .section, firstPrefix: Self.sectionMark, prefixRole: .section)
            case .caption(let caption):
                return .caption(caption)
            case .quote(let text):
                return .text(text, role: .quote, firstPrefix: Self.quoteBar, prefixRole: .quote,
                             continuationPrefix: Self.quoteBar)
            case .listItem(let text):
                return .text(text, role: .normal, firstPrefix: Self.listBullet, prefixRole: .listMarker,
                             continuationPrefix: "  ")
            }
        }
    }

    /// The text a part wraps and the width it wraps it to; nil for a blank
    /// line. Counting and making lines both start here, so they agree.
    private func wrappedText(_ wrapping: Wrapping) -> (text: String, width: Int, decorated: Bool)? {
        switch wrapping {
        case .blank:
            return nil
        case .text(let text, _, let firstPrefix, _, _):
            let usePrefix = width - DisplayWidth.of(firstPrefix) >= 4
            return (text, usePrefix ? width - DisplayWidth.of(firstPrefix) : width, usePrefix)
        case .caption(let caption):
            let credit = caption.credit.isEmpty ? "" : caption.credit + " · "
            let textWidth = width - DisplayWidth.of(Self.captionBar)
            // Too narrow for the bar: the caption is plain wrapped text.
            return (credit + caption.text, textWidth >= 4 ? textWidth : width, textWidth >= 4)
        }
    }

    private func count(of wrapping: Wrapping) -> Int {
        guard let wrapped = wrappedText(wrapping) else { return 1 }
        return TextWrapper.lineCount(wrapped.text, width: wrapped.width)
    }

    private func lines(of wrapping: Wrapping) -> [StyledLine] {
        guard let wrapped = wrappedText(wrapping) else { return [StyledLine()] }
        let texts = TextWrapper.wrap(wrapped.text, width: wrapped.width)
        switch wrapping {
        case .blank:
            return [StyledLine()]
        case .text(_, let role, let firstPrefix, let prefixRole, let continuationPrefix):
            return texts.enumerated().map { index, line in
                var spans: [StyledSpan] = []
                if wrapped.decorated {
                    let prefix = index == 0
                        ? firstPrefix : (continuationPrefix ?? String(repeating: " ", count: DisplayWidth.of(firstPrefix)))
                    if !prefix.isEmpty { spans.append(StyledSpan(prefix, prefixRole)) }
                }
                spans.append(StyledSpan(line, role))
                return StyledLine(spans)
            }
        case .caption(let caption):
            guard wrapped.decorated else { return texts.map { StyledLine([StyledSpan($0, .captionText)]) } }
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
