/// A change to a subscription made in krant, waiting to be sent to the
/// account's server. Changes are sent in the order they were made.
public struct FeedChange: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case subscribe, unsubscribe, rename, move
    }

    public var id: Int64
    public var accountID: Int64
    public var kind: Kind
    /// The local feed (gone after an unsubscribe).
    public var feedID: Int64?
    /// The server's stream id; nil for a feed the server does not know yet.
    public var streamID: String?
    public var url: String?
    public var title: String?
    /// For a move: the folder it leaves, nil for none.
    public var oldCategory: String?
    /// For a subscribe or a move: the folder it goes to, nil for none.
    public var category: String?

    public init(id: Int64, accountID: Int64, kind: Kind, feedID: Int64? = nil, streamID: String? = nil, url: String? = nil,
                title: String? = nil, oldCategory: String? = nil, category: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.kind = kind
        self.feedID = feedID
        self.streamID = streamID
        self.url = url
        self.title = title
        self.oldCategory = oldCategory
        self.category = category
    }
}
