/// What a piece of text *is* on screen. The core only says the role; the
/// terminal backend maps roles to colours and attributes (and to attributes
/// alone under NO_COLOR), so screens can be tested as text plus a role mask.
public enum StyleRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case title
    case byline
    case section
    case captionCredit
    case captionText
    case quote
    case listMarker
    case dim
    case selected
    case selectedUnread
    case unread
    case statusBar
    case statusMessage
    case overlay
    case overlaySelected
    case overlayTitle
}
