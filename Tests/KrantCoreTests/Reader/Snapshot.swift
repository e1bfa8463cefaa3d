import Foundation
import KrantCore
import Testing

/// Screen snapshots as text files under `Tests/KrantCoreTests/Snapshots/`:
/// each row between `|` marks (so trailing blanks are visible), optionally
/// followed by the role mask. A snapshot is only ever rewritten when
/// `KRANT_UPDATE_SNAPSHOTS=1` is set; a missing one fails the test.
enum Snapshot {
    static let legend: [StyleRole: Character] = [
        .normal: " ", .title: "T", .byline: "B", .section: "S", .captionCredit: "C", .captionText: "c",
        .quote: "Q", .listMarker: "L", .dim: ".", .selected: "R", .selectedUnread: "R", .unread: "U",
        .statusBar: "=", .statusMessage: "!", .overlay: "o", .overlaySelected: "O", .overlayTitle: "h",
        .headline: "-", .date: "d", .source: "s",
    ]

    static func render(_ buffer: CellBuffer, roles: Bool) -> String {
        var text = "# \(buffer.width)x\(buffer.height)\n"
        text += buffer.textLines.map { "|\($0)|" }.joined(separator: "\n") + "\n"
        if roles {
            text += "# roles\n" + buffer.roleMask(legend).map { "|\($0)|" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    static func check(_ buffer: CellBuffer, _ name: String, roles: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        // Every row of every screen is exactly as wide as the terminal.
        for (row, line) in buffer.textLines.enumerated() {
            #expect(DisplayWidth.of(line) == buffer.width, "row \(row) is \(DisplayWidth.of(line)) columns wide",
                    sourceLocation: sourceLocation)
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Snapshots/\(name).txt").standardizedFileURL
        let actual = render(buffer, roles: roles)
        if ProcessInfo.processInfo.environment["KRANT_UPDATE_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt; run with KRANT_UPDATE_SNAPSHOTS=1 to write it, then review it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}
