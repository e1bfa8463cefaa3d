/// The shapes of the API's two big answers, decoded with `JSONDecoder`:
/// unlike `JSONSerialization`, it builds no object per value, which for
/// 100,000 item ids was 300 MB.
enum GoogleReaderPayload {
    struct Page: Decodable {
        var items: [Item]?
    }

    struct Item: Decodable {
        var id: Lenient?
        var title: String?
        var published: Lenient?
        var canonical: [Link]?
        var alternate: [Link]?
        var categories: [String]?
        var origin: Origin?
        var summary: Content?
        var content: Content?
        var author: String?
        var enclosure: [File]?
    }

    struct Link: Decodable {
        var href: String?
    }

    struct Origin: Decodable {
        var streamId: String?
        var title: String?
    }

    struct Content: Decodable {
        var content: String?
    }

    struct File: Decodable {
        var href: String?
        var type: String?
        var length: Lenient?
    }

    struct IDs: Decodable {
        var itemRefs: [Reference]?
        var continuation: Lenient?
    }

    struct PlainIDs: Decodable {
        var itemRefs: [PlainReference]?
        var continuation: String?
    }

    struct PlainReference: Decodable {
        var id: String
    }

    struct Reference: Decodable {
        var id: Lenient?
    }

    /// A value servers send as a string or as a number (ids, lengths,
    /// continuations, times); anything else reads as nil.
    struct Lenient: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let string = try? value.decode(String.self) {
                text = string
            } else if let number = try? value.decode(Int64.self) {
                text = String(number)
            } else if let number = try? value.decode(Double.self) {
                text = String(Int64(number))
            }
        }

        var int64: Int64? { text.flatMap { Int64($0) ?? Double($0).map { Int64($0) } } }
    }
}
