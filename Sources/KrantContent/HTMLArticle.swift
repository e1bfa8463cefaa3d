import KrantCore

/// An item's HTML body in the article model's terms.
public struct HTMLArticle: Sendable {
    /// The caption of a figure that opens the body; it is not repeated in `blocks`.
    public var leadCaption: Caption?
    public var blocks: [Block]
    /// Link targets; `[n]` in the block text refers to `links[n - 1]`.
    public var links: [String]
    /// The words of each link, beside `links` (`Article.linkTexts`).
    public var linkTexts: [String]

    public init(leadCaption: Caption? = nil, blocks: [Block] = [], links: [String] = [], linkTexts: [String] = []) {
        self.leadCaption = leadCaption
        self.blocks = blocks
        self.links = links
        self.linkTexts = linkTexts
    }
}
