import Foundation
import KrantSync

extension SearchIndexer.Background {
    /// This very executable, to run `krant index --background`; nil when
    /// the system cannot say where it is (then indexing stays in the
    /// foreground).
    static var thisKrant: SearchIndexer.Background? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard length > 0 else { return nil }
        return SearchIndexer.Background(
            executable: String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
