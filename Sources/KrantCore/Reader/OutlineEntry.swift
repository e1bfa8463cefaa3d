/// One landmark of the open article in the outline: the lead caption, a
/// section heading or a caption.
public struct OutlineEntry: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case leadCaption, section, caption }

    public var kind: Kind
    public var label: String
    /// Where it is in the article: a block, not a line, so a resize while
    /// the outline is open cannot send the jump to the wrong place.
    public var anchor: ArticleLayout.Anchor

    /// The article's landmarks in reading order.
    static func landmarks(of article: Article) -> [OutlineEntry] {
        var entries: [OutlineEntry] = []
        if let lead = article.leadCaption {
            entries.append(OutlineEntry(kind: .leadCaption, label: label(lead), anchor: .leadCaption))
        }
        for (index, block) in article.blocks.enumerated() {
            switch block {
            case .section(let title): entries.append(OutlineEntry(kind: .section, label: title, anchor: .block(index)))
            case .caption(let caption):
                entries.append(OutlineEntry(kind: .caption, label: label(caption), anchor: .block(index)))
            default: break
            }
        }
        return entries
    }

    static func label(_ caption: Caption) -> String {
        caption.credit.isEmpty ? caption.text : "\(caption.credit) · \(caption.text)"
    }
}

/// The outline of the open article.
public typealias OutlineMenu = Menu<OutlineEntry>
