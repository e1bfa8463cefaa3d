import KrantContent

/// An item body through `HTMLArticleConverter` (as the reader lays it out)
/// and `HTMLBody.searchableText` (the words the search index stores).
enum HTMLFuzzTarget {
    static let baseURL = "https://fuzz.example/news/item"

    static func run(_ bytes: [UInt8], _ check: inout InvariantCheck) {
        let html = String(decoding: bytes, as: UTF8.self)
        let converted = HTMLArticleConverter.convert(html, baseURL: baseURL)
        if let lead = converted.leadCaption {
            check.expectOneLine(lead.credit, "the lead credit")
            check.expectOneLine(lead.text, "the lead caption")
        }
        BlockCheck.run(converted.blocks, links: converted.links, name: "the body", &check)
        let words = HTMLBody.searchableText(leadCredit: nil, leadText: nil, html: html)
        check.expectTerminalSafe(words, "the searchable text", allowsNewlines: true)
    }
}
