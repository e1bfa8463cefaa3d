/// A photo caption: the credit (agency) is kept apart from the text so the
/// reader can style them differently and search can ignore credits.
public struct Caption: Hashable, Sendable, Codable {
    public var credit: String
    public var text: String

    public init(credit: String, text: String) {
        self.credit = credit
        self.text = text
    }
}
