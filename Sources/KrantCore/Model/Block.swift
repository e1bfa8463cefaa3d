/// One unit of an article body, in document order.
///
/// "Section" always means an in-article heading; a news section such as
/// Binnenland is a *category* (see `Article.category`).
public enum Block: Hashable, Sendable {
    case paragraph(String)
    case section(String)
    case caption(Caption)
    case quote(String)
    case listItem(String)

    /// The name used for this kind of block in JSON and in the store.
    public var typeName: String {
        switch self {
        case .paragraph: "paragraph"
        case .section: "section"
        case .caption: "caption"
        case .quote: "quote"
        case .listItem: "list_item"
        }
    }

    /// The readable text of the block, as indexed for search.
    public var plainText: String {
        switch self {
        case .paragraph(let text), .section(let text), .quote(let text), .listItem(let text): text
        case .caption(let caption): caption.text
        }
    }
}

extension Block: Codable {
    private enum CodingKeys: String, CodingKey { case type, text, title, credit }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(try container.decode(String.self, forKey: .text))
        case "section": self = .section(try container.decode(String.self, forKey: .title))
        case "caption":
            self = .caption(Caption(credit: try container.decode(String.self, forKey: .credit),
                                    text: try container.decode(String.self, forKey: .text)))
        case "quote": self = .quote(try container.decode(String.self, forKey: .text))
        case "list_item": self = .listItem(try container.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container,
                                                   debugDescription: "unknown block type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .paragraph(let text), .quote(let text), .listItem(let text):
            try container.encode(text, forKey: .text)
        case .section(let title):
            try container.encode(title, forKey: .title)
        case .caption(let caption):
            try container.encode(caption.credit, forKey: .credit)
            try container.encode(caption.text, forKey: .text)
        }
    }
}
