/// The lines of the links and enclosures windows.
extension ReaderRenderer {
    static let linksWidth = 76

    /// `[3] words · host`: the words give way before the host does, so
    /// where a link leads always shows. A link shown as its bare URL has
    /// the URL for words.
    static func linkLines(_ links: [LinkEntry], width: Int) -> [StyledLine] {
        let inner = max(1, min(linksWidth, width - 2) - 2)
        let numberWidth = DisplayWidth.of("[\(links.count)] ")
        return links.map { link in
            let number = TextWrapper.pad("[\(link.number)]", width: numberWidth - 1) + " "
            guard !link.text.isEmpty else {
                return StyledLine([StyledSpan(number, .overlayTitle), StyledSpan(link.url, .overlay)])
            }
            let host = " · " + link.host
            let room = max(8, inner - numberWidth - DisplayWidth.of(host))
            return StyledLine([StyledSpan(number, .overlayTitle),
                               StyledSpan(TextWrapper.truncate(link.text, width: room), .overlay),
                               StyledSpan(host, .overlayTitle)])
        }
    }

    /// `audio/mpeg, 30.0 MB  https://…`: what it is and how big, then where.
    static func enclosureLines(_ enclosures: [Enclosure], text: UIText) -> [StyledLine] {
        let details = enclosures.map(text.enclosureDetails)
        let column = min(30, (details.map(DisplayWidth.of).max() ?? 0) + 2)
        return zip(enclosures, details).map { enclosure, details in
            StyledLine([StyledSpan(TextWrapper.pad(TextWrapper.truncate(details, width: column - 2), width: column),
                                   .overlayTitle),
                        StyledSpan(enclosure.url, .overlay)])
        }
    }
}
