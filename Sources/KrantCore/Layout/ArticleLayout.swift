/// An article wrapped to a width: the lines to draw plus where each block
/// begins, so the reader can jump to sections and captions and keep its place
/// across a resize (it remembers a block, not a line number).
///
/// `krant show` prints this layout as plain text and the reader draws it in
/// its article pane: one layout, so both always agree.
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

    public private(set) var lines: [StyledLine] = []
    /// The anchor of every line, parallel to `lines`.
    public private(set) var anchors: [Anchor] = []
    /// First line of each body block, by block index.
    public private(set) var blockStartLines: [Int] = []
    /// First line of the lead caption, when there is one.
    public private(set) var leadCaptionLine: Int?
    public let width: Int

    /// Caption lines are indented under a bar so they read as apart from the text.
    static let captionBar = "│ "
    static let quoteBar = "┃ "
    static let listBullet = "• "
    static let sectionMark = "§ "

    public init(article: Article, width: Int) {
        self.width = max(1, width)
        addWrapped(article.title, role: .title, anchor: .head)
        let when = article.when ?? article.published.map(DateText.long)
        let byline = [article.source, article.author, when].compactMap { $0 }.joined(separator: " • ")
        if !byline.isEmpty { addWrapped(byline, role: .byline, anchor: .head) }
        if let lead = article.leadCaption {
            addBlank(anchor: .head)
            leadCaptionLine = lines.count
            addCaption(lead, anchor: .leadCaption)
        }
        for (index, block) in article.blocks.enumerated() {
            addBlank(anchor: .block(index))
            blockStartLines.append(lines.count)
            let anchor = Anchor.block(index)
            switch block {
            case .paragraph(let text):
                addWrapped(text, role: .normal, anchor: anchor)
            case .section(let title):
                addWrapped(title, role: .section, anchor: anchor, firstPrefix: Self.sectionMark, prefixRole: .section)
            case .caption(let caption):
                addCaption(caption, anchor: anchor)
            case .quote(let text):
                addWrapped(text, role: .quote, anchor: anchor, firstPrefix: Self.quoteBar, prefixRole: .quote,
                           continuationPrefix: Self.quoteBar)
            case .listItem(let text):
                addWrapped(text, role: .normal, anchor: anchor, firstPrefix: Self.listBullet, prefixRole: .listMarker,
                           continuationPrefix: "  ")
            }
        }
        if !article.links.isEmpty {
            addBlank(anchor: .links)
            addWrapped("Links", role: .dim, anchor: .links)
            for (index, link) in article.links.enumerated() {
                let number = "[\(index + 1)] "
                addWrapped(link, role: .dim, anchor: .links, firstPrefix: number, prefixRole: .dim,
                           continuationPrefix: String(repeating: " ", count: number.count))
            }
        }
        if !article.enclosures.isEmpty {
            addBlank(anchor: .enclosures)
            addWrapped("Enclosures", role: .dim, anchor: .enclosures)
            for enclosure in article.enclosures {
                let details = [enclosure.type, enclosure.length.map(Self.size)].compactMap { $0 }.joined(separator: ", ")
                let text = details.isEmpty ? enclosure.url : "\(enclosure.url) (\(details))"
                addWrapped(text, role: .dim, anchor: .enclosures, firstPrefix: Self.listBullet, prefixRole: .dim,
                           continuationPrefix: "  ")
            }
        }
    }

    /// A byte count as people read file sizes: `30.0 MB`, `40 kB`, `512 bytes`.
    static func size(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1000: "\(bytes) bytes"
        case ..<1_000_000: "\(bytes / 1000) kB"
        default: "\(bytes / 1_000_000).\(bytes % 1_000_000 / 100_000) MB"
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
        case .block(let index): index < blockStartLines.count ? blockStartLines[index] : max(0, lines.count - 1)
        case .links: anchors.firstIndex(of: .links) ?? max(0, lines.count - 1)
        case .enclosures: anchors.firstIndex(of: .enclosures) ?? max(0, lines.count - 1)
        }
    }

    /// The whole layout as plain text, one string per line (for `krant show` and tests).
    public var plainLines: [String] { lines.map(\.text) }

    private mutating func addBlank(anchor: Anchor) {
        lines.append(StyledLine())
        anchors.append(anchor)
    }

    private mutating func addCaption(_ caption: Caption, anchor: Anchor) {
        let credit = caption.credit.isEmpty ? "" : caption.credit + " · "
        let textWidth = width - DisplayWidth.of(Self.captionBar)
        guard textWidth >= 4 else {
            addWrapped(credit + caption.text, role: .captionText, anchor: anchor)
            return
        }
        let wrapped = TextWrapper.wrap(credit + caption.text, width: textWidth)
        for (index, line) in wrapped.enumerated() {
            var spans = [StyledSpan(Self.captionBar, .captionCredit)]
            if index == 0, !credit.isEmpty, line.hasPrefix(caption.credit) {
                spans.append(StyledSpan(caption.credit, .captionCredit))
                spans.append(StyledSpan(String(line.dropFirst(caption.credit.count)), .captionText))
            } else {
                spans.append(StyledSpan(line, .captionText))
            }
            lines.append(StyledLine(spans))
            anchors.append(anchor)
        }
    }

    private mutating func addWrapped(_ text: String, role: StyleRole, anchor: Anchor,
                                     firstPrefix: String = "", prefixRole: StyleRole = .normal,
                                     continuationPrefix: String? = nil) {
        let prefixWidth = DisplayWidth.of(firstPrefix)
        let usePrefix = width - prefixWidth >= 4
        let textWidth = usePrefix ? width - prefixWidth : width
        for (index, line) in TextWrapper.wrap(text, width: textWidth).enumerated() {
            var spans: [StyledSpan] = []
            if usePrefix {
                let prefix = index == 0 ? firstPrefix : (continuationPrefix ?? String(repeating: " ", count: prefixWidth))
                if !prefix.isEmpty { spans.append(StyledSpan(prefix, prefixRole)) }
            }
            spans.append(StyledSpan(line, role))
            lines.append(StyledLine(spans))
            anchors.append(anchor)
        }
    }
}
