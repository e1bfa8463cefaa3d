/// Photo agencies whose name opens a caption line ("ANP De welkomstceremonie…").
///
/// The list is data, not code: add an agency here and both the plain-text and
/// the feed parsers recognise it. Credits combine with a slash
/// (`ANP/Hollandse Hoogte`, `Reuters / ANP`); matching is exact on case so
/// that an ordinary sentence starting with "Ap" or "Nos" is not a caption.
public enum PhotoCredits {
    public static let agencies: [String] = [
        "ANP", "AFP", "AP", "EPA-EFE", "EPA", "Reuters", "NOS", "Getty Images",
        "Hollandse Hoogte", "BELGA", "Belga", "dpa", "DPA", "Xinhua", "Pro Shots", "Orange Pictures",
    ]

    /// Agencies longest first, so `EPA-EFE` wins over `EPA`.
    private static let longestFirst = agencies.sorted { $0.count > $1.count }

    /// Splits `line` into a leading credit (one agency or several joined by
    /// `/`) and the rest, or returns nil when the line does not start with one.
    public static func splitLeadingCredit(_ line: Substring) -> (credit: String, rest: Substring)? {
        var rest = line
        var names: [String] = []
        while let name = longestFirst.first(where: { rest.hasPrefix($0) }) {
            rest = rest.dropFirst(name.count)
            names.append(name)
            let afterSpaces = rest.drop(while: { $0 == " " })
            guard afterSpaces.first == "/" else { break }
            rest = afterSpaces.dropFirst().drop(while: { $0 == " " })
        }
        // The credit must end at a word boundary: "APK" or "ANPs" is no credit.
        guard !names.isEmpty, let next = rest.first, next == " " else { return nil }
        return (names.joined(separator: "/"), rest.drop(while: { $0 == " " }))
    }
}
