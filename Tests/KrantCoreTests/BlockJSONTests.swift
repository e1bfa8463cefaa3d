import Foundation
import KrantCore
import Testing

@Suite struct BlockJSONTests {
    @Test func readsBackThroughCodable() throws {
        let blocks: [Block] = [
            .paragraph("Tekst met \"aanhalingstekens\", een \\ en een\ttab\nen regel."),
            .section("Balanceeract"), .caption(Caption(credit: "ANP/Hollandse Hoogte", text: "Foto / 日本 😀")),
            .quote("\u{01}stuurteken"), .listItem("punt ë"),
        ]
        let json = BlockJSON.encode(blocks)
        #expect(try JSONDecoder().decode([Block].self, from: Data(json.utf8)) == blocks)
        #expect(BlockJSON.encode([.section("A")]) == #"[{"type":"section","title":"A"}]"#)
        let links = ["https://nos.nl/a?b=\"c\"", "http://x/日本"]
        #expect(try JSONDecoder().decode([String].self, from: Data(BlockJSON.encode(strings: links).utf8)) == links)
        #expect(BlockJSON.encode([]) == "[]")
    }
}
