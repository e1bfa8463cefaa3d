/// What a piece of text *is* on screen. The core only says the role; the
/// terminal backend maps roles to colours and attributes through the theme
/// (and to attributes alone under NO_COLOR), so screens can be tested as
/// text plus a role mask.
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
    /// A read headline's title in the list.
    case headline
    /// The list's date and source columns.
    case date
    case source

    /// The name a config file's `[style]` table uses for the role.
    public var name: String {
        switch self {
        case .normal: "text"
        case .title: "title"
        case .byline: "byline"
        case .section: "section"
        case .captionCredit: "credit"
        case .captionText: "caption"
        case .quote: "quote"
        case .listMarker: "list_marker"
        case .dim: "hint"
        case .selected: "selected"
        case .selectedUnread: "selected_unread"
        case .unread: "unread"
        case .statusBar: "status_bar"
        case .statusMessage: "message"
        case .overlay: "window"
        case .overlaySelected: "window_selected"
        case .overlayTitle: "window_title"
        case .headline: "headline"
        case .date: "date"
        case .source: "source"
        }
    }

    /// One line on what the role colours, for `krant config`.
    public var summary: String {
        switch self {
        case .normal: "article text"
        case .title: "an article's title"
        case .byline: "an article's source and time"
        case .section: "section headings"
        case .captionCredit: "photo credits and caption marks"
        case .captionText: "photo captions"
        case .quote: "quotations"
        case .listMarker: "bullets of lists"
        case .dim: "hints, dividers and scroll position"
        case .selected: "the selected headline (read)"
        case .selectedUnread: "the selected headline (unread)"
        case .unread: "unread headlines"
        case .statusBar: "the status bar"
        case .statusMessage: "messages and questions in the status bar"
        case .overlay: "windows (help, outline, chooser)"
        case .overlaySelected: "the chosen entry in a window"
        case .overlayTitle: "window titles and help keys"
        case .headline: "read headlines"
        case .date: "the list's date column"
        case .source: "the list's source column"
        }
    }

    public init?(name: String) {
        guard let role = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }
}
