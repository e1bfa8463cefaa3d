/// A number with its noun, as a message says it: "1 article", "2 articles",
/// "0 articles". `plural` is for nouns that do not just take an s.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
