import CLibxml2
import Foundation
import KrantCore

/// Walks a parsed HTML body and collects blocks the way a browser lays text out:
/// - block elements (`p`, `div`, `li`, `td`, ...) end the current block; text
///   directly inside `div` or `body` becomes paragraphs too;
/// - inline elements flatten into their block's text, and whitespace collapses;
/// - `h1`–`h4` are sections, `blockquote` quotes, `li` list items;
/// - `figcaption`, and any simple element whose class says `caption`, is a
///   caption; a `credit` element inside it is its credit, otherwise the
///   credit is split off the text by `CaptionCreditSplitter`;
/// - one `br` is a space, two in a row end the paragraph;
/// - `a href` keeps its text and adds ` [n]`: n counts distinct URLs in order
///   of first appearance. A link whose text is its own URL shows only `[n]`,
///   since the URL is listed at the end and long URLs wrap badly. Links
///   without text (image links), in-page anchors and `javascript:`, `data:`
///   or `vbscript:` targets add no reference; their text stays;
/// - numeric references to C1 code points (`&#146;`) are the windows-1252
///   characters there (`’`), as in browsers (`C1References`);
/// - unknown elements keep their text; `embed`, `object` and `iframe` keep
///   what follows them when they are left unclosed (see `embedded`).
struct HTMLBlockBuilder {
    private(set) var links: [String] = []
    /// The words of each link, beside `links`; `""` where it had none to show.
    private(set) var linkTexts: [String] = []
    private var linkNumbers: [String: Int] = [:]
    private let base: URL?
    private let numbersLinks: Bool

    private var blocks: [Block] = []
    private var text: [UInt8] = []
    private var pendingSpace = false
    /// A `br` was seen and only whitespace followed: a second one ends the paragraph.
    private var afterBreak = false
    private var flushCount = 0
    private var contexts: [Context] = []
    /// The credit of the caption being read, when the markup marks it.
    private var explicitCredit: String?

    private enum Context { case section, quote, listItem, caption }

    /// Deeper nesting than this is not walked: no real article needs it, and
    /// it bounds the recursion on hostile input.
    private static let maxDepth = 200

    private static let dropped: Set<String> = [
        "script", "style", "noscript", "svg", "form", "button", "nav", "head", "title", "template",
        "canvas", "select", "textarea", "input", "audio", "video", "map", "frameset",
        "frame", "applet", "link", "meta",
    ]

    private static let blockContainers: Set<String> = [
        "html", "body", "p", "div", "section", "article", "header", "footer", "main", "aside", "ul", "ol",
        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "address",
        "center", "details", "summary", "figure", "h5", "h6", "fieldset", "hgroup", "hr",
    ]

    /// What makes an element "not simple": a caption-classed element that holds
    /// these is a container (WordPress's `div.wp-caption`), not a caption.
    private static let structural: Set<String> = [
        "p", "div", "figure", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "section", "article",
    ]

    init(baseURL: String?, numbersLinks: Bool = true) {
        base = baseURL.flatMap { URL(string: $0) }
        self.numbersLinks = numbersLinks
    }

    mutating func finish() -> [Block] {
        flush()
        return blocks
    }

    // MARK: Walking

    mutating func walk(_ node: LibXMLNode, depth: Int = 0) {
        if node.isText {
            appendText(node.rawContent)
            return
        }
        guard node.isElement, depth < Self.maxDepth else { return }
        let name = node.name
        guard !Self.dropped.contains(name) else { return }
        switch name {
        case "br": lineBreak()
        case "h1", "h2", "h3", "h4": block(.section, node, depth)
        case "blockquote": block(.quote, node, depth)
        case "li": block(.listItem, node, depth)
        case "figcaption": caption(node, depth)
        case "a": link(node, depth)
        case "embed", "object", "iframe": embedded(node, depth)
        default:
            switch classRole(node) {
            case .caption? where isSimple(node, depth): caption(node, depth)
            case .credit? where contexts.last == .caption: readExplicitCredit(node, depth)
            case .credit? where isSimple(node, depth) && previousCaptionLacksCredit:
                readExplicitCredit(node, depth)
                if let credit = explicitCredit { attachCreditToPreviousCaption(credit) }
                explicitCredit = nil
            default:
                if Self.blockContainers.contains(name) {
                    block(nil, node, depth)
                } else {
                    walkChildren(node, depth)
                }
            }
        }
    }

    private mutating func walkChildren(_ node: LibXMLNode, _ depth: Int) {
        var child = node.pointer.pointee.children
        while let current = child {
            walk(LibXMLNode(current), depth: depth + 1)
            child = current.pointee.next
        }
    }

    /// A terminal plays no plugin and shows no frame, but libxml2 puts
    /// everything after an unclosed `<embed>`, `<object>` or `<iframe>`
    /// inside it, so dropping the element would drop the rest of the
    /// article. `embed` is empty in HTML, so its children are always such
    /// text; an `object`'s fallback content is what a browser without the
    /// plugin shows; an `iframe`'s own fallback text (before any element)
    /// is what a browser never shows, and is skipped.
    private mutating func embedded(_ node: LibXMLNode, _ depth: Int) {
        var child = node.pointer.pointee.children
        var seenElement = node.name != "iframe"
        while let current = child {
            let childNode = LibXMLNode(current)
            if childNode.isElement { seenElement = true }
            // Fallback text is skipped, but the space around it still parts words.
            let isSpace = childNode.isText && childNode.rawContent.map { String(cString: $0) }?
                .allSatisfy(\.isWhitespace) == true
            if seenElement || isSpace, childNode.name != "param" { walk(childNode, depth: depth + 1) }
            child = current.pointee.next
        }
    }

    private mutating func block(_ context: Context?, _ node: LibXMLNode, _ depth: Int) {
        flush()
        if let context { contexts.append(context) }
        walkChildren(node, depth)
        flush()
        if context != nil { contexts.removeLast() }
    }

    // MARK: Captions

    private enum ClassRole { case caption, credit }

    private func classRole(_ node: LibXMLNode) -> ClassRole? {
        guard node.pointer.pointee.properties != nil, let classes = node.attribute("class")?.lowercased(),
              !classes.isEmpty else { return nil }
        if classes.contains("caption") { return .caption }
        if classes.contains("credit") { return .credit }
        return nil
    }

    private func isSimple(_ node: LibXMLNode, _ depth: Int) -> Bool {
        guard depth < Self.maxDepth else { return false }
        var child = node.pointer.pointee.children
        while let current = child {
            let node = LibXMLNode(current)
            if node.isElement, Self.structural.contains(node.name) || !isSimple(node, depth + 1) { return false }
            child = current.pointee.next
        }
        return true
    }

    private var previousCaptionLacksCredit: Bool {
        guard text.isEmpty, case .caption(let caption)? = blocks.last else { return false }
        return caption.credit.isEmpty
    }

    private mutating func caption(_ node: LibXMLNode, _ depth: Int) {
        flush()
        contexts.append(.caption)
        let outerCredit = explicitCredit
        explicitCredit = nil
        walkChildren(node, depth)
        if text.isEmpty, let credit = explicitCredit, !credit.isEmpty { attachCreditToPreviousCaption(credit) }
        flush()
        explicitCredit = outerCredit
        contexts.removeLast()
    }

    /// `<span class="credit">ANP</span>` inside a caption: read apart from the text.
    private mutating func readExplicitCredit(_ node: LibXMLNode, _ depth: Int) {
        let saved = (text, pendingSpace, afterBreak)
        text = []
        pendingSpace = false
        walkChildren(node, depth)
        let credit = Self.cleanLine(text)
        (text, pendingSpace, afterBreak) = saved
        if !credit.isEmpty {
            explicitCredit = explicitCredit.map { $0 + " " + credit } ?? credit
            pendingSpace = !text.isEmpty
        }
    }

    /// A credit element right after a caption without one (`<figcaption>…</figcaption><span class="credit">`).
    private mutating func attachCreditToPreviousCaption(_ credit: String) {
        guard case .caption(var caption)? = blocks.last, caption.credit.isEmpty else { return }
        caption.credit = credit
        blocks[blocks.count - 1] = .caption(caption)
    }

    // MARK: Text

    /// Appends a text node with its whitespace collapsed, a run of words at a time.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>?) {
        guard let content else { return }
        let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
        var index = 0
        while index < bytes.count {
            if Self.isSpace(bytes[index]) {
                pendingSpace = !text.isEmpty
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, !Self.isSpace(bytes[index]) { index += 1 }
            if pendingSpace {
                text.append(0x20)
                pendingSpace = false
            }
            afterBreak = false
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Appends generated text (a link reference) as its own word.
    private mutating func appendWord(_ word: String) {
        if pendingSpace || !text.isEmpty { text.append(0x20) }
        text.append(contentsOf: word.utf8)
        pendingSpace = false
        afterBreak = false
    }

    private mutating func lineBreak() {
        if afterBreak {
            flush()
        } else {
            pendingSpace = !text.isEmpty
            afterBreak = true
        }
    }

    private mutating func flush() {
        afterBreak = false
        pendingSpace = false
        guard !text.isEmpty else { return }
        let line = Self.cleanLine(text)
        text.removeAll(keepingCapacity: true)
        flushCount += 1
        guard !line.isEmpty else { return }
        switch contexts.last {
        case .section?: blocks.append(.section(line))
        case .quote?: blocks.append(.quote(line))
        case .listItem?: blocks.append(.listItem(line))
        case .caption?:
            if let credit = explicitCredit, !credit.isEmpty {
                blocks.append(.caption(Caption(credit: credit, text: line)))
                explicitCredit = nil
            } else {
                blocks.append(.caption(CaptionCreditSplitter.split(line)))
            }
        case nil: blocks.append(.paragraph(line))
        }
    }

    /// The block's text, sanitised (`Sanitizer.cleanLine` has a fast path for clean text).
    private static func cleanLine(_ bytes: [UInt8]) -> String {
        Sanitizer.cleanLine(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: Links

    private mutating func link(_ node: LibXMLNode, _ depth: Int) {
        guard numbersLinks, let href = node.attribute("href"), let url = resolve(href) else {
            walkChildren(node, depth)
            return
        }
        let start = text.count
        let startPending = pendingSpace
        let startFlushes = flushCount
        walkChildren(node, depth)
        if flushCount != startFlushes {
            // The link held blocks: refer to it after whatever it left.
            if !text.isEmpty {
                appendWord("[\(number(for: url))]")
            } else {
                appendToLastBlock(" [\(number(for: url))]")
            }
            return
        }
        let linkText = text[start...].drop { $0 == 0x20 }
        guard !linkText.isEmpty else { return }
        let words = String(decoding: linkText, as: UTF8.self)
        let isBareURL = Self.sameURL(words, href) || Self.sameURL(words, url)
        let reference = "[\(number(for: url, text: isBareURL ? "" : words))]"
        if isBareURL {
            text.removeSubrange(start...)
            pendingSpace = startPending
            appendWord(reference)
        } else {
            let pending = pendingSpace
            text.append(0x20)
            text.append(contentsOf: reference.utf8)
            pendingSpace = pending
        }
    }

    private mutating func appendToLastBlock(_ suffix: String) {
        guard let last = blocks.popLast() else { return }
        switch last {
        case .paragraph(let text): blocks.append(.paragraph(text + suffix))
        case .section(let text): blocks.append(.section(text + suffix))
        case .quote(let text): blocks.append(.quote(text + suffix))
        case .listItem(let text): blocks.append(.listItem(text + suffix))
        case .caption(var caption):
            caption.text += suffix
            blocks.append(.caption(caption))
        }
    }

    /// A link's number; the first words it appears with name it in the
    /// reader's list of links.
    private mutating func number(for url: String, text words: String = "") -> Int {
        let words = Self.linkName(words)
        if let number = linkNumbers[url] {
            if linkTexts[number - 1].isEmpty { linkTexts[number - 1] = words }
            return number
        }
        links.append(url)
        linkTexts.append(words)
        linkNumbers[url] = links.count
        return links.count
    }

    /// A link's words on one line, cut short: a whole paragraph wrapped in
    /// a link would otherwise fill the list.
    private static func linkName(_ words: String) -> String {
        let line = Sanitizer.cleanLine(words)
        guard line.count > Self.linkNameLimit else { return line }
        return String(line.prefix(Self.linkNameLimit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    private static let linkNameLimit = 120

    /// The absolute target of an `href`, or nil for targets a reader cannot follow.
    private func resolve(_ href: String) -> String? {
        let trimmed = Sanitizer.cleanLine(href)
        let lowered = trimmed.lowercased()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"),
              !["javascript:", "data:", "vbscript:"].contains(where: { lowered.hasPrefix($0) }) else { return nil }
        let url = URL(string: trimmed, relativeTo: base)
            ?? trimmed.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed).flatMap { URL(string: $0, relativeTo: base) }
        guard let absolute = url?.absoluteURL, let scheme = absolute.scheme, !scheme.isEmpty else { return nil }
        return Sanitizer.cleanLine(absolute.absoluteString)
    }

    /// Whether link text merely repeats its URL (`https://nos.nl/` shown as `nos.nl`).
    private static func sameURL(_ text: String, _ url: String) -> Bool {
        func normalised(_ value: String) -> Substring {
            var value = Substring(value.lowercased())
            for prefix in ["https://", "http://", "mailto:"] where value.hasPrefix(prefix) {
                value = value.dropFirst(prefix.count)
            }
            if value.hasPrefix("www.") { value = value.dropFirst(4) }
            while value.hasSuffix("/") { value = value.dropLast() }
            return value
        }
        return !text.isEmpty && normalised(text) == normalised(url)
    }
}
