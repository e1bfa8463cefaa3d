import Foundation
import KrantStore

/// The identities saved articles get when imported, without importing them:
/// for finding the bundled samples in a store by what they are, not by a
/// category a store made by an older krant never gave them.
public enum TextArticleIdentities {
    /// The identity of each `.txt` file in `folder` that reads as an article.
    public static func inFolder(_ folder: String) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var identities = Set<String>()
        for name in names where name.hasSuffix(".txt") {
            let file = TextArticleFile(datesFromFileTimes: false)
            if case .success(let parsed) = file.parse(InputPath(URL(fileURLWithPath: folder).appendingPathComponent(name).path)) {
                identities.insert(parsed.identity)
            }
        }
        return identities
    }
}
